package org.chatalot.installer.doctor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.DataInputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import org.chatalot.installer.cert.CertificateIssuer;
import org.chatalot.installer.cert.CertificateSpec;
import org.chatalot.installer.cert.Issued;
import org.chatalot.installer.cert.Pem;
import org.chatalot.installer.tls.TrustMode;

class DoctorUnitTest {
    private static final Instant NOW = Instant.parse("2026-06-01T00:00:00Z");

    private static List<X509Certificate> lifetime(Instant from, Instant to) {
        return List.of(CertificateIssuer.selfSigned(CertificateSpec.server(List.of("chat.test"), List.of(), from, to),
                CertificateIssuer.ecKeyPair()).certificate());
    }

    private static final Fixes FIXES = new Fixes(Front.of(DoctorRequest.defaults(URI.create("https://chat.test"))));

    @Test
    void expiryThresholdsAreRelativeToTheLifetime() {
        Instant start = NOW.minus(Duration.ofDays(60));
        assertThat(TlsChecks.expiry(lifetime(start, NOW.plus(Duration.ofDays(31))), NOW, FIXES).severity())
                .isEqualTo(Severity.PASS);
        assertThat(TlsChecks.expiry(lifetime(start, NOW.plus(Duration.ofDays(20))), NOW, FIXES).severity())
                .as("20 of 80 days left is under a third").isEqualTo(Severity.WARN);
        assertThat(TlsChecks.expiry(lifetime(start, NOW.plus(Duration.ofDays(6))), NOW, FIXES).severity())
                .as("6 of 66 days left is under a tenth").isEqualTo(Severity.FAIL);
        assertThat(TlsChecks.expiry(lifetime(NOW.minus(Duration.ofDays(3650)), NOW.plus(Duration.ofDays(2))), NOW,
                FIXES).severity()).as("2 days of ten years").isEqualTo(Severity.FAIL);
        assertThat(TlsChecks.expiry(lifetime(start, NOW.minus(Duration.ofDays(1))), NOW, FIXES).evidence())
                .startsWith("EXPIRED");
    }

    @Test
    void aTwelveHourCertificateRenewedOnSchedulePasses() {
        Finding fresh = TlsChecks.expiry(lifetime(NOW.minus(Duration.ofHours(1)), NOW.plus(Duration.ofHours(11))),
                NOW, FIXES);
        assertThat(fresh.severity()).as(fresh.evidence()).isEqualTo(Severity.PASS);
        assertThat(fresh.evidence()).contains("(12 h)", "11 h left (92%)");
        assertThat(TlsChecks.expiry(lifetime(NOW.minus(Duration.ofHours(9)), NOW.plus(Duration.ofHours(3))), NOW,
                FIXES).severity()).as("3 of 12 hours: Caddy renews at a third").isEqualTo(Severity.WARN);
        assertThat(TlsChecks.expiry(lifetime(NOW.minus(Duration.ofHours(11)), NOW.plus(Duration.ofMinutes(30))), NOW,
                FIXES).severity()).as("30 minutes of 11.5 hours").isEqualTo(Severity.FAIL);
    }

    @Test
    void anExpiredIntermediateIsReportedAsExpired() {
        Issued root = CertificateIssuer.selfSigned(CertificateSpec.authority("Root", NOW.minus(Duration.ofDays(400)),
                NOW.plus(Duration.ofDays(400))), CertificateIssuer.ecKeyPair());
        Issued intermediate = CertificateIssuer.issue(CertificateSpec.authority("Old Intermediate",
                NOW.minus(Duration.ofDays(300)), NOW.minus(Duration.ofDays(1))), CertificateIssuer.ecKeyPair(), root);
        Issued leaf = CertificateIssuer.issue(CertificateSpec.server(List.of("chat.test"), List.of(),
                NOW.minus(Duration.ofDays(10)), NOW.plus(Duration.ofDays(80))), CertificateIssuer.ecKeyPair(),
                intermediate);
        Finding finding = TlsChecks.expiry(List.of(leaf.certificate(), intermediate.certificate()), NOW, FIXES);
        assertThat(finding.severity()).isEqualTo(Severity.FAIL);
        assertThat(finding.evidence()).startsWith("EXPIRED: the intermediate CN=Old Intermediate");
    }

    @Test
    void aPortThatAnswersEveryHandshakeWithAnAlertIsOneHandshakeFailure() throws Exception {
        // As Caddy answers while its tls internal certificate is still being issued.
        try (ServerSocket front = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread.ofVirtual().start(() -> answerEveryHelloWithAnAlert(front));
            DoctorReport report = Doctor.run(DoctorRequest.defaults(URI.create("https://127.0.0.1:"
                    + front.getLocalPort())).withHttpPort(0), ProgressListener.NONE);
            assertThat(report.withSeverity(Severity.FAIL)).as(ReportWriter.text(report)).extracting(Finding::id)
                    .containsExactly("tls.handshake");
            assertThat(report.withSeverity(Severity.WARN)).as(ReportWriter.text(report)).isEmpty();
            assertThat(report.finding("tls.handshake").orElseThrow().evidence()).contains("internal_error");
            assertThat(report.finding("tls.protocols").orElseThrow().evidence()).isEqualTo(TlsChecks.NO_SESSION);
        }
    }

    /** Reads each ClientHello record whole, then answers with a fatal internal_error alert and closes. */
    private static void answerEveryHelloWithAnAlert(ServerSocket front) {
        while (!front.isClosed()) {
            try (Socket client = front.accept()) {
                DataInputStream in = new DataInputStream(client.getInputStream());
                byte[] header = new byte[5];
                in.readFully(header);
                in.readFully(new byte[((header[3] & 0xff) << 8) | (header[4] & 0xff)]);
                client.getOutputStream().write(new byte[] {0x15, 0x03, 0x03, 0x00, 0x02, 0x02, 0x50});
                client.getOutputStream().flush();
            } catch (IOException oneClientOrClosed) {
                // the next accept() ends the loop once the socket is closed
            }
        }
    }

    @Test
    void aLeafSentWithoutItsIntermediateIsAnIncompleteChain() throws Exception {
        Issued root = CertificateIssuer.selfSigned(CertificateSpec.authority("Root", NOW.minus(Duration.ofDays(1)),
                NOW.plus(Duration.ofDays(4000))), CertificateIssuer.ecKeyPair());
        Issued intermediate = CertificateIssuer.issue(CertificateSpec.authority("Intermediate",
                NOW.minus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(3000))), CertificateIssuer.ecKeyPair(), root);
        Instant now = Instant.now();
        Issued leaf = CertificateIssuer.issue(CertificateSpec.server(List.of("chat.test"), List.of(),
                now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(80))), CertificateIssuer.ecKeyPair(),
                intermediate);
        java.nio.file.Path ca = java.nio.file.Files.createTempFile("root", ".pem");
        try {
            java.nio.file.Files.writeString(ca, Pem.certificate(root.certificate()));
            DoctorRequest request = DoctorRequest.defaults(URI.create("https://chat.test"))
                    .withTrust(TrustMode.caFile(ca));
            TlsProbe leafOnly = new TlsProbe(List.of(leaf.certificate()), "ECDHE_ECDSA", false, Optional.empty(),
                    Optional.empty(), Optional.empty(), Optional.empty());
            Finding finding = TlsChecks.chain(leafOnly, request, FIXES);
            assertThat(finding.severity()).isEqualTo(Severity.FAIL);
            assertThat(finding.evidence()).startsWith("chain incomplete: intermediate missing")
                    .contains("issued by CN=Intermediate");
            assertThat(finding.fix()).contains("fullchain");
            TlsProbe complete = new TlsProbe(List.of(leaf.certificate(), intermediate.certificate()), "ECDHE_ECDSA",
                    false, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
            assertThat(TlsChecks.chain(complete, request, FIXES).severity()).isEqualTo(Severity.PASS);
        } finally {
            java.nio.file.Files.delete(ca);
        }
    }

    @Test
    void fixesNameThePortsUpstreamAndFilesOfThisFront() {
        Front nginx = new Front(Front.Proxy.NGINX, "chat.test", 8443, 8081, Optional.of("127.0.0.1:9000"),
                Optional.of(java.nio.file.Path.of("/srv/nginx/chatalot.conf")), Optional.empty());
        Fixes fixes = new Fixes(nginx);
        assertThat(fixes.redirect()).contains("listening on 8081", "return 301 https://$host:8443$request_uri;",
                "in /srv/nginx/chatalot.conf",
                "chatalot-install nginx --domain chat.test --https-port 8443 --http-port 8081 "
                        + "--upstream 127.0.0.1:9000")
                .doesNotContain(" 80 ", " 443 ", ":80", ":443");
        assertThat(fixes.hsts()).contains("listening on 8443 ssl");
        assertThat(fixes.bodyLimit(110)).contains("listening on 8443 ssl", "client_max_body_size 110M;");
        assertThat(fixes.webSocketHeaders()).contains("proxy_pass http://127.0.0.1:9000;");
        assertThat(fixes.serverDown()).contains("nginx forwards to 127.0.0.1:9000");
        assertThat(fixes.http2()).contains("listen 8443 ssl http2;");

        Fixes caddy = new Fixes(new Front(Front.Proxy.CADDY, "chat.test", 8443, 8081, Optional.empty(),
                Optional.empty(), Optional.empty()));
        assertThat(caddy.redirect()).contains("http_port 8081").doesNotContain("return 301");
        assertThat(caddy.hsts()).contains("site block chat.test:8443", "header Strict-Transport-Security");
        assertThat(caddy.bodyLimit(110)).contains("max_size 110MB");
        assertThat(caddy.serverDown()).contains("reverse_proxy");
    }

    @Test
    void theProxyIsKnownByItsServerHeader() {
        assertThat(Front.Proxy.fromServerHeader(Optional.of("nginx/1.22.1"))).isEqualTo(Front.Proxy.NGINX);
        assertThat(Front.Proxy.fromServerHeader(Optional.of("Caddy"))).isEqualTo(Front.Proxy.CADDY);
        assertThat(Front.Proxy.fromServerHeader(Optional.empty())).isEqualTo(Front.Proxy.UNKNOWN);
    }

    @Test
    void smallRsaKeyFails() {
        List<X509Certificate> weak = List.of(CertificateIssuer.selfSigned(CertificateSpec.server(List.of("a.test"),
                List.of(), NOW, NOW.plus(Duration.ofDays(1))), CertificateIssuer.rsaKeyPair(1024)).certificate());
        assertThat(TlsChecks.key(weak).severity()).isEqualTo(Severity.FAIL);
        assertThat(TlsChecks.key(lifetime(NOW, NOW.plus(Duration.ofDays(1)))).evidence()).isEqualTo("EC 256 bits");
    }

    @Test
    void exitCodesFollowTheWorstFinding() {
        assertThat(report(Finding.pass("a", "a", ""), Finding.skip("b", "b", "")).exitCode()).isZero();
        assertThat(report(Finding.pass("a", "a", ""), Finding.warn("b", "b", "", "")).exitCode()).isEqualTo(1);
        assertThat(report(Finding.warn("a", "a", "", ""), Finding.fail("b", "b", "", "")).exitCode()).isEqualTo(2);
    }

    @Test
    void reportsRenderAsTextMarkdownAndJson() {
        DoctorReport report = report(Finding.pass("tls.key", "Key", "EC 256 bits"),
                Finding.fail("http.hsts", "HSTS | header", "none", "add_header Strict-Transport-Security …"));
        assertThat(ReportWriter.text(report)).contains("FAIL  http.hsts", "fix: add_header", "Result: fail");
        assertThat(ReportWriter.markdown(report)).contains("| fail | `http.hsts` HSTS \\| header | none |",
                "### `http.hsts`");
        assertThat(ReportWriter.json(report)).contains("\"exit_code\" : 2", "\"severity\" : \"FAIL\"",
                "\"id\" : \"tls.key\"");
    }

    @Test
    void requestRejectsPlainHttpAndPaths() {
        assertThatThrownBy(() -> DoctorRequest.defaults(URI.create("http://chat.test"))).hasMessageStartingWith("url:");
        assertThatThrownBy(() -> DoctorRequest.defaults(URI.create("https://chat.test/chat")))
                .hasMessageStartingWith("url:");
        assertThat(DoctorRequest.defaults(URI.create("https://chat.test:8443")).origin())
                .isEqualTo("https://chat.test:8443");
    }

    @Test
    void clientHelloOffersOnlyTheAskedVersion() {
        byte[] hello = ProtocolProbe.clientHello("chat.test", ProtocolProbe.TLS10);
        assertThat(hello[0]).isEqualTo((byte) 0x16);
        assertThat(hello[9]).as("client_version major").isEqualTo((byte) 3);
        assertThat(hello[10]).as("client_version minor: TLS 1.0").isEqualTo((byte) 1);
    }

    private static DoctorReport report(Finding... findings) {
        return new DoctorReport(URI.create("https://chat.test"), NOW, Duration.ofSeconds(1), List.of(findings),
                List.of(), Optional.empty(), Optional.empty());
    }
}
