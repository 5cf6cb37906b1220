package org.chatalot.admin.doctor;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

import org.chatalot.admin.api.ConnectionProblem;
import org.chatalot.admin.api.HttpTransport;
import org.chatalot.admin.api.Problems;
import org.chatalot.admin.connection.CertificateDetails;
import org.chatalot.admin.connection.CertificateProbe;
import org.chatalot.admin.connection.ConnectionProfile;
import org.chatalot.admin.connection.SslContextFactory;

/**
 * The checks the app runs itself until the installer's doctor is wired in: TLS handshake with the profile's
 * trust, certificate names and expiry (the doctor's thresholds), {@code /api/health} over HTTPS and HSTS.
 */
public final class BasicChecks implements DeploymentChecks {
    private final SslContextFactory ssl;
    private final Clock clock;

    public BasicChecks(SslContextFactory ssl, Clock clock) {
        this.ssl = ssl;
        this.clock = clock;
    }

    @Override
    public CheckReport run(CheckRequest request, CheckProgress progress) throws InterruptedException {
        Instant start = clock.instant();
        Run run = new Run(request, progress);
        run.execute();
        return new CheckReport(request.url(), start, Duration.between(start, clock.instant()), run.findings,
                run.chain);
    }

    /** One run's state, so checks that need an earlier result can say why they were skipped. */
    private final class Run {
        private final CheckRequest request;
        private final CheckProgress progress;
        private final List<Finding> findings = new ArrayList<>();
        private List<CertificateDetails> chain = List.of();

        Run(CheckRequest request, CheckProgress progress) {
            this.request = request;
            this.progress = progress;
        }

        void execute() throws InterruptedException {
            if (!"https".equals(request.url().getScheme())) {
                record("tls.handshake", "TLS", () -> Finding.fail("tls.handshake", "HTTPS", "the URL is "
                        + request.url() + ", not https://", "Put a TLS proxy in front and use its https:// URL."));
                return;
            }
            record("tls.certificate", "Certificate presented", this::certificate);
            HttpTransport.Response health = handshakeAndHealth();
            if (!chain.isEmpty()) {
                record("tls.hostname", "Certificate names", this::hostname);
                record("tls.expiry", "Certificate validity", () -> Expiry.judge(chain.get(0), clock.instant()));
            }
            if (health != null) {
                HttpTransport.Response answer = health;
                record("http.health", "GET /api/health over HTTPS", () -> health(answer));
                record("http.hsts", "HSTS header", () -> hsts(answer));
            } else {
                record("http.health", "GET /api/health over HTTPS", () -> Finding.skip("http.health",
                        "GET /api/health over HTTPS", "needs a verified TLS connection (see tls.handshake)"));
                record("http.hsts", "HSTS header", () -> Finding.skip("http.hsts", "HSTS header",
                        "needs a verified TLS connection (see tls.handshake)"));
            }
        }

        private Finding certificate() {
            try {
                chain = new CertificateProbe(request.timeout()).fetch(request.url());
                CertificateDetails leaf = chain.get(0);
                return Finding.pass("tls.certificate", "Certificate presented", leaf.subject() + ", issued by "
                        + leaf.issuer() + ", SHA-256 " + leaf.sha256());
            } catch (IOException e) {
                ConnectionProblem problem = Problems.classify(e, request.url());
                return Finding.fail("tls.certificate", "Certificate presented", problem.getMessage(),
                        "Check that the server's HTTPS port is open and the proxy is running.");
            }
        }

        private HttpTransport.Response handshakeAndHealth() throws InterruptedException {
            ConnectionProfile profile = new ConnectionProfile("check", request.url(), request.trust(), null);
            HttpTransport transport = new HttpTransport(profile, ssl, request.timeout());
            progress.started("tls.handshake", "TLS handshake and trust");
            try {
                HttpTransport.Response response = transport.send("GET", "/api/health", null, null);
                add(Finding.pass("tls.handshake", "TLS handshake and trust", "verified with "
                        + request.trust().describe() + " in " + response.took().toMillis() + " ms"));
                return response;
            } catch (ConnectionProblem problem) {
                add(Finding.fail("tls.handshake", "TLS handshake and trust", problem.getMessage(), fix(problem)));
                return null;
            } catch (IOException e) {
                add(Finding.fail("tls.handshake", "TLS handshake and trust", e.getMessage(), ""));
                return null;
            }
        }

        private Finding hostname() {
            String host = request.url().getHost();
            List<String> names = chain.get(0).subjectAlternativeNames();
            if (HostNames.matches(host, names)) {
                return Finding.pass("tls.hostname", "Certificate names", host + " is among " + names);
            }
            return Finding.fail("tls.hostname", "Certificate names", host + " is not among " + names,
                    "Issue the certificate for " + host + " (it must be a subject alternative name).");
        }

        private Finding health(HttpTransport.Response response) {
            String evidence = "HTTP " + response.status() + " in " + response.took().toMillis() + " ms";
            if (response.status() == 200) {
                return Finding.pass("http.health", "GET /api/health over HTTPS", evidence);
            }
            if (response.status() == 503) {
                return Finding.fail("http.health", "GET /api/health over HTTPS", evidence + ": the server reports"
                        + " itself degraded", "See the server's log and the health dashboard (database, disk).");
            }
            return Finding.fail("http.health", "GET /api/health over HTTPS", evidence, "The proxy answers but does "
                    + "not reach the server: check that it runs and the proxy's upstream (proxy_pass) address.");
        }

        private Finding hsts(HttpTransport.Response response) {
            return response.header("Strict-Transport-Security")
                    .map(value -> Finding.pass("http.hsts", "HSTS header", "Strict-Transport-Security: " + value))
                    .orElseGet(() -> Finding.warn("http.hsts", "HSTS header", "no Strict-Transport-Security header",
                            "In the nginx server block: add_header Strict-Transport-Security \"max-age=31536000\" "
                                    + "always;"));
        }

        private void record(String id, String title, Supplier<Finding> check) {
            progress.started(id, title);
            add(check.get());
        }

        private void add(Finding finding) {
            findings.add(finding);
            progress.finished(finding);
        }
    }

    private static String fix(ConnectionProblem problem) {
        return switch (problem.kind()) {
            case TLS_UNTRUSTED -> "Use a certificate from a public CA, or choose the private CA's file, or pin it.";
            case TLS_HOSTNAME -> "Issue the certificate for this host name.";
            case TLS_CERT_CHANGED -> "Compare the new certificate with the server's, then re-approve the pin.";
            case DNS -> "Add an A/AAAA record for the host.";
            case REFUSED, TIMEOUT -> "Start the proxy and open the HTTPS port in the firewall.";
            default -> "See the evidence; " + problem.kind().title().toLowerCase(Locale.ROOT) + ".";
        };
    }
}
