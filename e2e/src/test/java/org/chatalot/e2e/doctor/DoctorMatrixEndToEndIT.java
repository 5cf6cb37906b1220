package org.chatalot.e2e.doctor;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpResponse;
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
import org.chatalot.installer.tls.TrustMode;
import org.chatalot.model.auth.SessionInfo;
import org.chatalot.server.testing.TestServer;
import org.chatalot.server.testing.TestUsers;
import org.chatalot.testing.FreePorts;

/**
 * The real server behind the installer's nginx site with a real certificate chain: the healthy front
 * passes every check, and each broken front yields exactly its own failure. The idle hold is 2 s here;
 * {@link IdleWebSocketEndToEndIT} runs the real 75 s hold.
 */
class DoctorMatrixEndToEndIT {
    static final FrontFixture FRONT = new FrontFixture();
    static final Duration IDLE = Duration.ofSeconds(2);

    @RegisterExtension
    static TestServer server = TestServer.create().with("PUBLIC_URL", FRONT.publicUrl());

    @AfterAll
    static void cleanUp() {
        FRONT.close();
    }

    private static FrontSite good() {
        return FRONT.site(server.server().port(), FRONT.goodCertificate);
    }

    private static DoctorReport check(FrontSite site) {
        return check(site, FRONT.request(IDLE, server.users().owner().accessToken()));
    }

    private static DoctorReport check(FrontSite site, DoctorRequest request) {
        return FRONT.check(site, request);
    }

    private static void assertOnlyFailure(DoctorReport report, String id) {
        List<String> failed = report.withSeverity(Severity.FAIL).stream().map(Finding::id).toList();
        assertThat(failed).as(ReportWriter.text(report)).containsExactly(id);
        assertThat(report.withSeverity(Severity.WARN)).as(ReportWriter.text(report)).isEmpty();
        assertThat(report.exitCode()).isEqualTo(2);
    }

    @Test
    void healthyFrontPassesEveryCheck() {
        DoctorReport report = check(good());
        // Kept in the surefire output: docs/installer.md quotes a real report.
        System.out.println(ReportWriter.text(report));
        assertThat(report.findings()).as(ReportWriter.text(report)).allMatch(f -> f.severity() == Severity.PASS);
        assertThat(report.findings()).extracting(Finding::id).containsExactly("dns.resolve", "tcp.https", "tcp.http",
                "tls.handshake", "tls.protocols", "tls.chain", "tls.hostname", "tls.expiry", "tls.key", "http.h2",
                "http.redirect", "http.health", "http.hsts", "ws.upgrade", "ws.auth", "ws.idle", "proxy.body-limit",
                "proxy.forwarded", "config.public-url");
        assertThat(report.alpn()).contains("h2");
        assertThat(report.chain()).hasSize(2);
        assertThat(report.exitCode()).isZero();
    }

    @Test
    void expiredCertificateIsReportedAsExpired() {
        Instant now = Instant.now();
        TestPki.ServerFiles expired = FRONT.pki.server("expired", List.of("chat.test"),
                now.minus(Duration.ofDays(90)), now.minus(Duration.ofDays(1)));
        DoctorReport report = check(FRONT.site(server.server().port(), expired));
        assertOnlyFailure(report, "tls.expiry");
        assertThat(report.finding("tls.expiry").orElseThrow().evidence()).startsWith("EXPIRED");
        assertThat(report.finding("tls.chain").orElseThrow().evidence()).doesNotContain("trusted CA");
        assertThat(report.finding("ws.upgrade").orElseThrow().evidence())
                .isEqualTo("because the certificate is expired (see tls.expiry); the doctor never bypasses "
                        + "verification");
    }

    @Test
    void aServerDownBehindAWorkingProxyIsOneFindingAndTheRestSaysBecause() {
        int dead = FreePorts.next();
        DoctorReport report = check(FRONT.site(dead, FRONT.goodCertificate), FRONT.request(IDLE,
                server.users().owner().accessToken()).withLayout(new DoctorRequest.Layout(
                Optional.of("127.0.0.1:" + dead), Optional.empty(), Optional.empty())));
        assertOnlyFailure(report, "http.health");
        Finding health = report.finding("http.health").orElseThrow();
        assertThat(health.evidence()).startsWith("502 ").contains("(from nginx): the proxy answers, the Chatalot "
                + "server behind it does not");
        assertThat(health.fix()).contains("nginx forwards to 127.0.0.1:" + dead);
        assertThat(report.finding("http.hsts").orElseThrow().severity()).isEqualTo(Severity.PASS);
        for (String id : List.of("ws.upgrade", "ws.auth", "ws.idle", "proxy.body-limit", "proxy.forwarded",
                "config.public-url")) {
            assertThat(report.finding(id).orElseThrow()).satisfies(f -> {
                assertThat(f.severity()).isEqualTo(Severity.SKIP);
                assertThat(f.evidence()).isEqualTo("because requests through the proxy do not reach the Chatalot "
                        + "server (see http.health)");
            });
        }
    }

    @Test
    void aSessionTheDoctorOpensItClosesAgain() {
        String owner = server.users().owner().accessToken();
        int before = sessions(owner);
        DoctorRequest withLogin = DoctorRequest.defaults(URI.create(FRONT.publicUrl()))
                .withTrust(TrustMode.caFile(FRONT.rootCertificate())).withHttpPort(FRONT.httpPort).withIdle(IDLE)
                .withTimeout(Duration.ofSeconds(5))
                .withLogin(new DoctorRequest.Login("owner", TestUsers.PASSWORD, Optional.empty()));
        DoctorReport report = check(good(), withLogin);
        assertThat(report.findings()).as(ReportWriter.text(report)).allMatch(f -> f.severity() == Severity.PASS);
        assertThat(sessions(owner)).as("the doctor's own session is signed out again").isEqualTo(before);
    }

    private static int sessions(String token) {
        HttpResponse<String> response = server.send(server.request("/api/account/sessions")
                .header("Authorization", "Bearer " + token).GET().build());
        assertThat(response.statusCode()).isEqualTo(200);
        return server.read(response, SessionInfo[].class).length;
    }

    @Test
    void certificateForAnotherNameIsAHostnameFailure() {
        TestPki.ServerFiles other = FRONT.pki.validFor("other.test");
        DoctorReport report = check(FRONT.site(server.server().port(), other));
        assertOnlyFailure(report, "tls.hostname");
        assertThat(report.finding("tls.hostname").orElseThrow().evidence()).contains("DNS:other.test");
    }

    @Test
    void certificateWithoutIntermediateIsAnIncompleteChain() {
        FrontSite site = good().replace(FRONT.goodCertificate.fullChain().toString(),
                FRONT.goodCertificate.leafOnly().toString());
        DoctorReport report = check(site);
        assertOnlyFailure(report, "tls.chain");
        assertThat(report.finding("tls.chain").orElseThrow().evidence())
                .startsWith("chain incomplete: intermediate missing").contains("CN=Chatalot Test Intermediate");
        assertThat(report.finding("tls.chain").orElseThrow().fix()).contains("fullchain");
    }

    @Test
    void tls10EnabledIsAProtocolFailure() {
        // Debian's OpenSSL offers TLS 1.0 only at security level 0 and with CBC ciphers.
        FrontSite site = good()
                .replace("ssl_protocols TLSv1.2 TLSv1.3;", "ssl_protocols TLSv1 TLSv1.1 TLSv1.2 TLSv1.3;")
                .replace("ssl_ciphers ECDHE-ECDSA-AES128-GCM-SHA256:", "ssl_ciphers ECDHE-RSA-AES128-SHA:"
                        + "ECDHE-ECDSA-AES128-SHA:AES128-SHA:@SECLEVEL=0:ECDHE-ECDSA-AES128-GCM-SHA256:");
        DoctorReport report = check(site);
        assertOnlyFailure(report, "tls.protocols");
        assertThat(report.finding("tls.protocols").orElseThrow().evidence()).contains("TLS 1.0");
    }

    @Test
    void plainHttpWithoutRedirectIsARedirectFailure() {
        FrontSite site = good().replace("return 301 https://$host:" + FRONT.httpsPort + "$request_uri;",
                "proxy_pass http://127.0.0.1:" + server.server().port() + "; proxy_http_version 1.1;");
        DoctorReport report = check(site);
        assertOnlyFailure(report, "http.redirect");
        assertThat(report.finding("http.redirect").orElseThrow().fix()).contains(
                "server block listening on " + FRONT.httpPort + " (plain HTTP)",
                "return 301 https://$host:" + FRONT.httpsPort + "$request_uri;",
                "--https-port " + FRONT.httpsPort + " --http-port " + FRONT.httpPort);
    }

    @Test
    void missingHstsIsAnHstsFailure() {
        FrontSite site = good()
                .remove("    add_header Strict-Transport-Security \"max-age=31536000; includeSubDomains\" always;");
        DoctorReport report = check(site);
        assertOnlyFailure(report, "http.hsts");
        assertThat(report.finding("http.hsts").orElseThrow().fix())
                .contains("server block listening on " + FRONT.httpsPort + " ssl");
    }

    @Test
    void webSocketLocationWithoutUpgradeHeadersFailsTheUpgrade() {
        FrontSite site = good().remove("        proxy_set_header Upgrade $http_upgrade;")
                .remove("        proxy_set_header Connection \"upgrade\";");
        DoctorReport report = check(site);
        assertOnlyFailure(report, "ws.upgrade");
        assertThat(report.finding("ws.upgrade").orElseThrow().fix())
                .contains("proxy_set_header Upgrade $http_upgrade;")
                .as("the upstream the server reported").contains("proxy_pass http://127.0.0.1:"
                        + server.server().port() + ";");
    }

    @Test
    void smallBodyLimitFailsTheUploadProbe() {
        FrontSite site = good().replace("client_max_body_size 110M;", "client_max_body_size 1M;");
        DoctorReport report = check(site);
        System.out.println(ReportWriter.text(report));
        assertOnlyFailure(report, "proxy.body-limit");
        assertThat(report.finding("proxy.body-limit").orElseThrow().evidence()).contains("413").contains("proxy");
        assertThat(report.finding("proxy.body-limit").orElseThrow().fix())
                .contains("listening on " + FRONT.httpsPort + " ssl", "client_max_body_size 110M;");
    }

    @Test
    void missingForwardedHeadersAreReported() {
        String forwarded = String.join("\n",
                "        proxy_set_header X-Real-IP $remote_addr;",
                "        proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;",
                "        proxy_set_header X-Forwarded-Proto $scheme;",
                "        proxy_set_header X-Forwarded-Host $http_host;",
                "        # The server reads only the X-Forwarded-* family (FORWARDED_HEADERS); nginx would pass on a",
                "        # client's own RFC 7239 header untouched, so it is dropped here.",
                "        proxy_set_header Forwarded \"\";",
                "        # Stream uploads");
        FrontSite site = good().replace(forwarded, "        # Stream uploads");
        DoctorReport report = check(site);
        assertOnlyFailure(report, "proxy.forwarded");
        assertThat(report.finding("proxy.forwarded").orElseThrow().evidence()).contains("scheme http");
    }

    @Test
    void aFrontPassingTheClientsOwnAddressOnIsReported() {
        // The doctor claims 192.0.2.61 in X-Real-IP; this front passes it on and writes no X-Forwarded-For.
        FrontSite site = good().remove("        proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;")
                .replace("        proxy_set_header X-Real-IP $remote_addr;\n",
                        "        proxy_set_header X-Real-IP $http_x_real_ip;\n");
        DoctorReport report = check(site);
        assertOnlyFailure(report, "proxy.forwarded");
        Finding finding = report.finding("proxy.forwarded").orElseThrow();
        assertThat(finding.evidence()).contains("client_ip 192.0.2.61").contains("forged");
        assertThat(finding.fix()).contains("proxy_set_header Forwarded \"\";");
    }
}
