package org.chatalot.installer.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.chatalot.installer.TestCertificates;
import org.chatalot.testing.TempDirs;

class TrustTest {
    private final Path dir = TempDirs.create("trust-");

    @AfterEach
    void cleanUp() {
        TempDirs.deleteRecursively(dir);
    }

    @Test
    void pinnedFingerprintAcceptsExactlyThatCertificate() throws Exception {
        TestCertificates.TlsFiles mine = TestCertificates.selfSigned(dir, "chat.lan");
        TestCertificates.TlsFiles other = TestCertificates.selfSigned(dir, "evil.lan");
        X509Certificate cert = mine.issued().certificate();
        var trust = TrustManagers.forMode(TrustMode.pinned(CertificateFacts.fingerprint(cert).toLowerCase()));
        trust.checkServerTrusted(new X509Certificate[] {cert}, "UNKNOWN");
        assertThatThrownBy(() -> trust.checkServerTrusted(new X509Certificate[] {other.issued().certificate()},
                "UNKNOWN")).isInstanceOfSatisfying(PinMismatchException.class, mismatch -> {
                    assertThat(mismatch).hasMessageContaining("not the pinned");
                    assertThat(mismatch.presented()).containsExactly(other.issued().certificate());
                    assertThat(mismatch.pinnedSha256()).isEqualTo(CertificateFacts.fingerprint(cert).replace(":", ""));
                });
    }

    @Test
    void caFileDoesNotTrustAStrangersCertificate() {
        TestCertificates.TlsFiles ca = TestCertificates.selfSigned(dir, "ca.lan");
        TestCertificates.TlsFiles stranger = TestCertificates.selfSigned(dir, "chat.lan");
        var trust = TrustManagers.forMode(TrustMode.caFile(ca.certificate()));
        assertThatThrownBy(() -> trust.checkServerTrusted(new X509Certificate[] {stranger.issued().certificate()},
                "UNKNOWN")).isInstanceOf(CertificateException.class);
    }

    @Test
    void systemCasDoNotTrustASelfSignedCertificate() {
        TestCertificates.TlsFiles self = TestCertificates.selfSigned(dir, "chat.lan");
        assertThatThrownBy(() -> TrustManagers.forMode(TrustMode.system())
                .checkServerTrusted(new X509Certificate[] {self.issued().certificate()}, "UNKNOWN"))
                .isInstanceOf(CertificateException.class);
    }

    @Test
    void badPinNamesTheField() {
        assertThatThrownBy(() -> TrustMode.pinned("abc")).hasMessageStartingWith("pin: ");
    }

    @Test
    void hostnamesMatchExactNamesAndOneWildcardLabel() {
        List<String> sans = List.of("DNS:chat.example.com", "DNS:*.example.org", "IP:192.168.1.20");
        assertThat(HostnameMatcher.matches("CHAT.example.com", sans)).isTrue();
        assertThat(HostnameMatcher.matches("chat.example.org", sans)).isTrue();
        assertThat(HostnameMatcher.matches("example.org", sans)).isFalse();
        assertThat(HostnameMatcher.matches("a.b.example.org", sans)).isFalse();
        assertThat(HostnameMatcher.matches("192.168.1.20", sans)).isTrue();
        assertThat(HostnameMatcher.matches("other.example.com", sans)).isFalse();
    }
}
