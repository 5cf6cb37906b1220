package org.chatalot.installer.doctor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import org.chatalot.installer.cert.CertificateIssuer;
import org.chatalot.installer.cert.CertificateSpec;

class DoctorUnitTest {
    private static final Instant NOW = Instant.parse("2026-06-01T00:00:00Z");

    private static List<X509Certificate> lifetime(Instant from, Instant to) {
        return List.of(CertificateIssuer.selfSigned(CertificateSpec.server(List.of("chat.test"), List.of(), from, to),
                CertificateIssuer.ecKeyPair()).certificate());
    }

    @Test
    void expiryThresholdsAreRelativeToTheLifetime() {
        Instant start = NOW.minus(Duration.ofDays(60));
        assertThat(TlsChecks.expiry(lifetime(start, NOW.plus(Duration.ofDays(31))), NOW).severity())
                .isEqualTo(Severity.PASS);
        assertThat(TlsChecks.expiry(lifetime(start, NOW.plus(Duration.ofDays(20))), NOW).severity())
                .as("20 of 80 days left is under a third").isEqualTo(Severity.WARN);
        assertThat(TlsChecks.expiry(lifetime(start, NOW.plus(Duration.ofDays(6))), NOW).severity())
                .as("6 of 66 days left is under a tenth").isEqualTo(Severity.FAIL);
        assertThat(TlsChecks.expiry(lifetime(NOW.minus(Duration.ofDays(3650)), NOW.plus(Duration.ofDays(2))), NOW)
                .severity()).as("under 3 days always fails").isEqualTo(Severity.FAIL);
        assertThat(TlsChecks.expiry(lifetime(start, NOW.minus(Duration.ofDays(1))), NOW).evidence())
                .startsWith("EXPIRED");
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
