package org.chatalot.installer.doctor;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import javax.net.ssl.SSLContext;

import org.chatalot.installer.tls.CertificateFacts;
import org.chatalot.installer.tls.TrustManagers;

/**
 * Runs every deployment check against one public URL and returns the findings, always all of them in the same
 * order. A check that needs an earlier one to have passed (a resolved name, an open port, a verified TLS
 * connection, a server that answers through the proxy) is reported as skipped "because …" naming that root
 * finding, so one outage shows up as one failure rather than a cascade. Fixes are written for the front found:
 * its proxy, ports, upstream and files.
 */
public final class Doctor {
    static final String[][] TLS_CHECKS = {{"tls.handshake", "TLS handshake"},
        {"tls.protocols", "TLS versions (1.2/1.3 offered, 1.0/1.1 refused)"}, {"tls.chain", "Certificate chain"},
        {"tls.hostname", "Certificate names"}, {"tls.expiry", "Certificate validity left"},
        {"tls.key", "Certificate key type and size"}, {"http.h2", "HTTP/2 via ALPN"}};
    static final String[][] SERVER_CHECKS = {{"ws.upgrade", "WebSocket upgrade"},
        {"ws.auth", "WebSocket authenticates"}, {"ws.idle", "Idle WebSocket"},
        {"proxy.body-limit", "Proxy body limit"}, {"proxy.forwarded", "Forwarded headers"},
        {"config.public-url", "PUBLIC_URL"}};
    private final DoctorRequest request;
    private final ProgressListener progress;
    private final Clock clock;
    private final List<Finding> findings = new ArrayList<>();
    private Front front;
    private Optional<HttpChecks.PlainAnswer> plain = Optional.empty();

    private Doctor(DoctorRequest request, ProgressListener progress, Clock clock) {
        this.request = request;
        this.progress = progress;
        this.clock = clock;
        this.front = Front.of(request);
    }

    public static DoctorReport run(DoctorRequest request, ProgressListener progress) {
        return run(request, progress, Clock.systemUTC());
    }

    public static DoctorReport run(DoctorRequest request, ProgressListener progress, Clock clock) {
        return new Doctor(request, progress, clock).runAll();
    }

    private DoctorReport runAll() {
        Instant start = clock.instant();
        Optional<String> blocked = reachability();
        TlsProbe probe = null;
        if (blocked.isEmpty()) {
            probe = TlsProbe.run(request);
            blocked = tls(probe);
        } else {
            skip(TLS_CHECKS, blocked.get());
        }
        redirect(blocked);
        if (blocked.isEmpty()) {
            application(probe);
        } else {
            skip(new String[][] {{"http.health", "GET /api/health over HTTPS"}, {"http.hsts", "HSTS header"}},
                    blocked.get());
            skip(SERVER_CHECKS, blocked.get());
        }
        List<CertificateFacts> chain = probe == null ? List.of()
                : probe.chain().stream().map(c -> CertificateFacts.of(c, clock.instant())).toList();
        return new DoctorReport(request.url(), start, Duration.between(start, clock.instant()), findings, chain,
                probe == null ? Optional.empty() : probe.protocol(), probe == null ? Optional.empty() : probe.alpn());
    }

    /** DNS and the two ports; empty when HTTPS can be tried, else why not. Reads the plain-HTTP answer early. */
    private Optional<String> reachability() {
        if (record("dns.resolve", "DNS", () -> NetworkChecks.dns(request)).severity() != Severity.PASS) {
            String why = "because " + request.host() + " does not resolve (see dns.resolve)";
            skip(new String[][] {{"tcp.https", "TCP " + request.httpsPort()}, {"tcp.http", "TCP port"}}, why);
            return Optional.of(why);
        }
        Finding https = record("tcp.https", "TCP " + request.httpsPort(),
                () -> NetworkChecks.tcp(request, request.httpsPort(), "tcp.https", "HTTPS", fixes()));
        if (!request.hasHttpPort()) {
            skip(new String[][] {{"tcp.http", "TCP port (HTTP redirect and ACME)"}},
                    "because no plain-HTTP port was given (--http-port 0)");
        } else if (record("tcp.http", "TCP " + request.httpPort(), () -> NetworkChecks.tcp(request,
                request.httpPort(), "tcp.http", "HTTP redirect and ACME", fixes())).severity() == Severity.PASS) {
            plain = Optional.of(HttpChecks.fetchRedirect(request));
            plain.flatMap(HttpChecks.PlainAnswer::response).ifPresent(response ->
                    front = front.withServerHeader(response.headers().firstValue("server")));
        }
        return https.severity() == Severity.PASS ? Optional.empty() : Optional.of("because nothing accepts "
                + "connections on port " + request.httpsPort() + " (see tcp.https)");
    }

    /** The TLS checks; empty when the connection verified, else why the application checks cannot run. */
    private Optional<String> tls(TlsProbe probe) {
        record("tls.handshake", "TLS handshake", () -> TlsChecks.handshake(probe, fixes()));
        record("tls.protocols", "TLS versions", () -> TlsChecks.protocols(request, fixes(),
                !probe.reachedCertificate()));
        Finding chain = record("tls.chain", "Certificate chain", () -> TlsChecks.chain(probe, request, fixes()));
        Finding names = record("tls.hostname", "Certificate names", () -> TlsChecks.hostname(probe, request, fixes()));
        Finding expiry = record("tls.expiry", "Certificate validity", () -> TlsChecks.expiry(probe.chain(),
                clock.instant(), fixes()));
        record("tls.key", "Certificate key", () -> TlsChecks.key(probe.chain()));
        Optional<String> blocked = probe.isTrusted() ? Optional.empty() : Optional.of(
                !probe.reachedCertificate() ? TlsChecks.NO_SESSION
                : failed(expiry) ? "because the certificate is " + (expiry.evidence().startsWith("NOT VALID YET")
                ? "not valid yet" : "expired") + " (see tls.expiry); the doctor never bypasses verification"
                : failed(names) ? "because the certificate does not name " + request.host() + " (see tls.hostname)"
                : failed(chain) ? "because the certificate chain is not trusted (see tls.chain); the doctor never "
                + "bypasses verification" : "because the TLS connection could not be verified: "
                + TlsChecks.describe(probe.failure().orElse(null)));
        if (blocked.isPresent()) {
            skip(new String[][] {{"http.h2", "HTTP/2 via ALPN"}}, blocked.get());
        } else {
            record("http.h2", "HTTP/2", () -> TlsChecks.http2(probe, fixes()));
        }
        return blocked;
    }

    private void redirect(Optional<String> blocked) {
        String title = "HTTP redirects to HTTPS";
        if (plain.isPresent()) {
            record("http.redirect", title, () -> HttpChecks.redirect(request, plain.get(), fixes()));
        } else if (!request.hasHttpPort()) {
            skip(new String[][] {{"http.redirect", title}}, "because no plain-HTTP port was given (--http-port 0)");
        } else {
            skip(new String[][] {{"http.redirect", title}}, blocked.filter(why -> why.contains("dns.resolve"))
                    .orElse("because port " + request.httpPort() + " is not reachable (see tcp.http)"));
        }
    }

    private void application(TlsProbe probe) {
        SSLContext context = TrustManagers.sslContext(request.trust());
        HttpClient https = HttpClient.newBuilder().sslContext(context)
                .sslParameters(TlsProbe.browserLike(context.getDefaultSSLParameters()))
                .connectTimeout(request.timeout()).followRedirects(HttpClient.Redirect.NEVER).build();
        Optional<String> serverDown = healthAndHsts(https);
        if (serverDown.isPresent()) {
            skip(SERVER_CHECKS, serverDown.get());
            return;
        }
        Login login = Login.of(request, https);
        try {
            new ServerChecks(request, https, login, this::record, this::fixes, this::learnUpstream,
                    probe.localAddress()).run();
        } finally {
            login.signOut(request, https);
        }
    }

    /** Records http.health and http.hsts; returns why the server checks cannot run when the server is not there. */
    private Optional<String> healthAndHsts(HttpClient https) {
        long start = System.nanoTime();
        HttpResponse<String> health;
        try {
            health = HttpChecks.fetchHealth(request, https);
        } catch (IOException e) {
            record("http.health", "Health", () -> Finding.fail("http.health", "GET /api/health over HTTPS",
                    "GET /api/health failed: " + TlsChecks.describe(e), fixes().serverDown()));
            String why = "because HTTPS requests get no answer (see http.health)";
            skip(new String[][] {{"http.hsts", "HSTS header"}}, why);
            return Optional.of(why);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            String why = "because the run was interrupted";
            skip(new String[][] {{"http.health", "Health"}, {"http.hsts", "HSTS header"}}, why);
            return Optional.of(why);
        }
        front = front.withServerHeader(health.headers().firstValue("server"));
        long millis = (System.nanoTime() - start) / 1_000_000;
        Finding verdict = record("http.health", "Health", () -> HttpChecks.health(health, millis,
                front.proxy().label, fixes()));
        boolean fromServer = HttpChecks.isFromTheServer(health);
        if (!fromServer && health.headers().firstValue("strict-transport-security").isEmpty()) {
            skip(new String[][] {{"http.hsts", "HSTS header"}}, "because the answer was the proxy's own error "
                    + "page, not the server's (see http.health)");
        } else {
            record("http.hsts", "HSTS", () -> HttpChecks.hsts(health, fixes()));
        }
        if (verdict.severity() == Severity.PASS) {
            return Optional.empty();
        }
        return Optional.of(fromServer ? "because the server reports itself degraded (see http.health)"
                : "because requests through the proxy do not reach the Chatalot server (see http.health)");
    }

    private void learnUpstream(Optional<String> reported) {
        front = front.withReportedUpstream(reported);
    }

    private Fixes fixes() {
        return new Fixes(front);
    }

    private static boolean failed(Finding finding) {
        return finding.severity() == Severity.FAIL;
    }

    private void skip(String[][] checks, String why) {
        for (String[] check : checks) {
            record(check[0], check[1], () -> Finding.skip(check[0], check[1], why));
        }
    }

    private Finding record(String id, String title, Supplier<Finding> check) {
        progress.started(id, title);
        Finding finding;
        try {
            finding = check.get();
        } catch (RuntimeException e) {
            finding = Finding.fail(id, title, "the check itself failed: " + TlsChecks.describe(e),
                    "Please report this with the evidence.\n");
        }
        findings.add(finding);
        progress.finished(finding);
        return finding;
    }

    /** How the server checks record a finding: the same progress and error handling as every other check. */
    interface Recorder {
        Finding record(String id, String title, Supplier<Finding> check);
    }
}
