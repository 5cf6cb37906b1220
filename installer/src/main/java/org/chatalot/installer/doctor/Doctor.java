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
 * Runs every deployment check against one public URL and returns the findings. Checks that need an
 * earlier step (a resolved name, a verified TLS connection, a token) are reported as skipped with the
 * reason, so one root cause shows up as one failure rather than a cascade.
 */
public final class Doctor {
    private final DoctorRequest request;
    private final ProgressListener progress;
    private final Clock clock;
    private final List<Finding> findings = new ArrayList<>();

    private Doctor(DoctorRequest request, ProgressListener progress, Clock clock) {
        this.request = request;
        this.progress = progress;
        this.clock = clock;
    }

    public static DoctorReport run(DoctorRequest request, ProgressListener progress) {
        return run(request, progress, Clock.systemUTC());
    }

    public static DoctorReport run(DoctorRequest request, ProgressListener progress, Clock clock) {
        return new Doctor(request, progress, clock).runAll();
    }

    private DoctorReport runAll() {
        Instant start = clock.instant();
        TlsProbe probe = reachability() ? tls() : null;
        if (probe != null && probe.isTrusted()) {
            application(probe);
        } else {
            skipApplication(probe == null ? "the server is not reachable" : "needs a verified TLS connection "
                    + "(the doctor never bypasses certificate verification)");
        }
        List<CertificateFacts> chain = probe == null ? List.of()
                : probe.chain().stream().map(c -> CertificateFacts.of(c, clock.instant())).toList();
        return new DoctorReport(request.url(), start, Duration.between(start, clock.instant()), findings, chain,
                probe == null ? Optional.empty() : probe.protocol(), probe == null ? Optional.empty() : probe.alpn());
    }

    private boolean reachability() {
        boolean resolved = record("dns.resolve", "DNS", () -> NetworkChecks.dns(request)).severity() == Severity.PASS;
        if (!resolved) {
            return false;
        }
        Finding https = record("tcp.https", "TCP " + request.httpsPort(),
                () -> NetworkChecks.tcp(request, request.httpsPort(), "tcp.https", "HTTPS"));
        record("tcp.http", "TCP " + request.httpPort(),
                () -> NetworkChecks.tcp(request, request.httpPort(), "tcp.http", "HTTP redirect and ACME"));
        return https.severity() == Severity.PASS;
    }

    private TlsProbe tls() {
        TlsProbe probe = TlsProbe.run(request);
        record("tls.handshake", "TLS handshake", () -> TlsChecks.handshake(probe));
        record("tls.protocols", "TLS versions", () -> TlsChecks.protocols(request));
        record("tls.chain", "Certificate chain", () -> TlsChecks.chain(probe, request));
        record("tls.hostname", "Certificate names", () -> TlsChecks.hostname(probe, request));
        record("tls.expiry", "Certificate validity", () -> TlsChecks.expiry(probe.chain(), clock.instant()));
        record("tls.key", "Certificate key", () -> TlsChecks.key(probe.chain()));
        record("http.h2", "HTTP/2", () -> TlsChecks.http2(probe));
        return probe;
    }

    private void application(TlsProbe probe) {
        SSLContext context = TrustManagers.sslContext(request.trust());
        HttpClient https = HttpClient.newBuilder().sslContext(context)
                .sslParameters(TlsProbe.browserLike(context.getDefaultSSLParameters()))
                .connectTimeout(request.timeout()).followRedirects(HttpClient.Redirect.NEVER).build();
        HttpChecks http = new HttpChecks(request, https);
        if (findings.stream().anyMatch(f -> f.id().equals("tcp.http") && f.severity() == Severity.PASS)) {
            record("http.redirect", "Redirect", http::redirect);
        } else {
            record("http.redirect", "Redirect", () -> Finding.skip("http.redirect", "HTTP redirects to HTTPS",
                    "port " + request.httpPort() + " is not reachable (see tcp.http)"));
        }
        healthAndHsts(http);
        StringBuilder loginProblem = new StringBuilder();
        Optional<String> token = Login.token(request, https, loginProblem);
        webSocket(https, token, loginProblem);
        record("proxy.body-limit", "Body limit", () -> BodyLimitProbe.run(request, token));
        DiagnosticsChecks diagnostics = new DiagnosticsChecks(request, https);
        DiagnosticsChecks.Diagnostics seen = diagnostics.fetch(token);
        record("proxy.forwarded", "Forwarded headers", () -> diagnostics.forwarded(seen, probe.localAddress()));
        record("config.public-url", "PUBLIC_URL", () -> diagnostics.publicUrl(seen));
    }

    private void healthAndHsts(HttpChecks http) {
        long start = System.nanoTime();
        try {
            HttpResponse<String> health = http.fetchHealth().orElseThrow();
            long millis = (System.nanoTime() - start) / 1_000_000;
            record("http.health", "Health", () -> http.health(health, millis));
            record("http.hsts", "HSTS", () -> http.hsts(health));
        } catch (IOException e) {
            String evidence = "GET /api/health failed: " + TlsChecks.describe(e);
            record("http.health", "Health", () -> Finding.fail("http.health", "GET /api/health over HTTPS", evidence,
                    "Check the proxy's error log and that the server runs."));
            record("http.hsts", "HSTS", () -> Finding.skip("http.hsts", "HSTS header", "no HTTPS response"));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void webSocket(HttpClient https, Optional<String> token, StringBuilder loginProblem) {
        try (WebSocketChecks ws = new WebSocketChecks(request, https)) {
            record("ws.upgrade", "WebSocket upgrade", ws::upgrade);
            Finding auth = record("ws.auth", "WebSocket auth", () -> ws.authenticate(token));
            if (auth.severity() == Severity.SKIP && !loginProblem.isEmpty()) {
                findings.set(findings.size() - 1, Finding.fail(auth.id(), auth.title(), loginProblem.toString(),
                        "Check the user name and password given to the doctor."));
            }
            record("ws.idle", "Idle WebSocket", ws::idle);
        }
    }

    private void skipApplication(String why) {
        for (String[] check : new String[][] {{"http.redirect", "HTTP redirects to HTTPS"},
            {"http.health", "GET /api/health over HTTPS"}, {"http.hsts", "HSTS header"},
            {"ws.upgrade", "WebSocket upgrade"}, {"ws.auth", "WebSocket authenticates"},
            {"ws.idle", "Idle WebSocket"}, {"proxy.body-limit", "Proxy body limit"},
            {"proxy.forwarded", "Forwarded headers"}, {"config.public-url", "PUBLIC_URL"}}) {
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
                    "Please report this with the evidence.");
        }
        findings.add(finding);
        progress.finished(finding);
        return finding;
    }
}
