package org.chatalot.e2e.doctor;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.chatalot.installer.doctor.DoctorReport;
import org.chatalot.installer.doctor.DoctorRequest;
import org.chatalot.installer.doctor.Finding;
import org.chatalot.installer.doctor.ReportWriter;
import org.chatalot.installer.doctor.Severity;
import org.chatalot.server.testing.TestServer;
import org.chatalot.testing.FreePorts;

/**
 * The real server behind real Caddy with the Caddyfile {@code chatalot-install caddy --internal-tls} writes:
 * Caddy's own CA and its 12-hour certificates pass every check, its redirect on a non-default plain-HTTP port is
 * followed, and each broken Caddy front yields exactly its own failure with a fix in Caddy's terms that names
 * this front's ports. (A Caddyfile without the HSTS line is no broken front: the server sends HSTS itself on
 * requests that came over HTTPS, and Caddy passes it on.)
 */
class CaddyDoctorEndToEndIT {
    static final FrontFixture FRONT = new FrontFixture();
    static final Duration IDLE = Duration.ofSeconds(2);

    @RegisterExtension
    static TestServer server = TestServer.create().with("PUBLIC_URL", FRONT.publicUrl());

    @AfterAll
    static void cleanUp() {
        FRONT.close();
    }

    private static FrontSite good() {
        return FRONT.caddySite(server.server().port());
    }

    private static DoctorRequest request() {
        return FRONT.request(IDLE, server.users().owner().accessToken());
    }

    private static void assertOnlyFailure(DoctorReport report, String id) {
        List<String> failed = report.withSeverity(Severity.FAIL).stream().map(Finding::id).toList();
        assertThat(failed).as(ReportWriter.text(report)).containsExactly(id);
        assertThat(report.withSeverity(Severity.WARN)).as(ReportWriter.text(report)).isEmpty();
    }

    @Test
    void caddysInternalCaWithTwelveHourCertificatesPassesEveryCheck() {
        DoctorReport report = FRONT.checkCaddy(good(), request());
        assertThat(report.findings()).as(ReportWriter.text(report)).allMatch(f -> f.severity() == Severity.PASS);
        assertThat(report.findings()).hasSize(19);
        assertThat(report.finding("tls.expiry").orElseThrow().evidence()).contains("(12 h)");
        assertThat(report.chain().get(0).issuer()).contains("Caddy Local Authority");
        assertThat(report.finding("http.redirect").orElseThrow().evidence())
                .contains(":" + FRONT.httpPort + "/", "-> 308 " + FRONT.publicUrl() + "/doctor-redirect-check");
    }

    @Test
    void aServerDownBehindCaddyIsOneFindingWithCaddysFix() {
        int dead = FreePorts.next();
        DoctorReport report = FRONT.checkCaddy(FRONT.caddySite(dead), request().withLayout(
                new DoctorRequest.Layout(Optional.of("127.0.0.1:" + dead), Optional.empty(), Optional.empty())));
        assertOnlyFailure(report, "http.health");
        Finding health = report.finding("http.health").orElseThrow();
        assertThat(health.evidence()).startsWith("502 ").contains("(from Caddy)");
        assertThat(health.fix()).contains("Caddy forwards to 127.0.0.1:" + dead, "reverse_proxy");
        assertThat(report.withSeverity(Severity.SKIP)).extracting(Finding::id).containsExactly("ws.upgrade",
                "ws.auth", "ws.idle", "proxy.body-limit", "proxy.forwarded", "config.public-url");
    }

    @Test
    void aCertificateForAnotherNameBehindCaddyIsAHostnameFailure() {
        TestPki.ServerFiles other = FRONT.pki.validFor("other.test");
        FrontSite site = good().replace("\ttls internal\n", "\ttls " + other.fullChain() + " " + other.key() + "\n");
        DoctorReport report = FRONT.checkCaddy(site, request());
        assertOnlyFailure(report, "tls.hostname");
        assertThat(report.finding("tls.hostname").orElseThrow().fix()).contains("site address")
                .doesNotContain("ssl_certificate");
    }

    @Test
    void withoutItsRedirectListenerTheClosedPortIsTheOneFinding() {
        FrontSite site = good().replace("\thttp_port " + FRONT.httpPort + "\n", "\tauto_https disable_redirects\n");
        DoctorReport report = FRONT.checkCaddy(site, request());
        assertOnlyFailure(report, "tcp.http");
        assertThat(report.finding("tcp.http").orElseThrow().fix()).contains("listens on " + FRONT.httpPort);
        assertThat(report.finding("http.redirect").orElseThrow().evidence())
                .isEqualTo("because port " + FRONT.httpPort + " is not reachable (see tcp.http)");
        DoctorReport withoutPlainPort = FRONT.checkCaddy(site, request().withHttpPort(0));
        assertThat(withoutPlainPort.findings()).as(ReportWriter.text(withoutPlainPort))
                .allMatch(f -> f.severity() == Severity.PASS || f.severity() == Severity.SKIP);
    }

    @Test
    void anExpiredCertificateBehindCaddyIsReportedAsExpired() {
        Instant now = Instant.now();
        TestPki.ServerFiles expired = FRONT.pki.server("caddy-expired", List.of("chat.test"),
                now.minus(Duration.ofDays(90)), now.minus(Duration.ofDays(1)));
        FrontSite site = good().replace("\ttls internal\n", "\ttls " + expired.fullChain() + " " + expired.key()
                + "\n");
        DoctorReport report = FRONT.checkCaddy(site, request());
        assertOnlyFailure(report, "tls.expiry");
        assertThat(report.finding("tls.expiry").orElseThrow().evidence()).startsWith("EXPIRED");
        assertThat(report.finding("tls.expiry").orElseThrow().fix()).contains("Caddy");
    }
}
