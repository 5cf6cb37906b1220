package org.chatalot.admin.connection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.chatalot.admin.api.ConnectionProblem;
import org.chatalot.admin.api.HttpTransport;
import org.chatalot.admin.testing.TestCertificates;
import org.chatalot.admin.testing.TlsStub;

/** Each trust mode against a real TLS handshake: what it accepts, what it refuses and how that is explained. */
class TrustTest {
    private final JdkSslContextFactory ssl = new JdkSslContextFactory();

    private static HttpTransport.Response get(TlsStub stub, String host, TrustMode mode) throws Exception {
        ConnectionProfile profile = ConnectionProfile.of("t", stub.url(host).toString()).withTrust(mode);
        return new HttpTransport(profile, new JdkSslContextFactory(), Duration.ofSeconds(5))
                .send("GET", "/api/health", null, null);
    }

    @Test
    void pinnedCertificateIsAcceptedWithoutAnyCa() throws Exception {
        TestCertificates.Issued self = TestCertificates.selfSigned("localhost");
        try (TlsStub stub = new TlsStub(self, false)) {
            String pin = CertificateDetails.fingerprint(self.certificate());
            assertThat(get(stub, "localhost", new TrustMode.Pinned(pin)).status()).isEqualTo(200);
        }
    }

    @Test
    void changedCertificateIsRefusedAndExplained() throws Exception {
        TestCertificates.Issued pinned = TestCertificates.selfSigned("localhost");
        try (TlsStub stub = new TlsStub(TestCertificates.selfSigned("localhost"), false)) {
            TrustMode mode = new TrustMode.Pinned(CertificateDetails.fingerprint(pinned.certificate()));
            assertThatThrownBy(() -> get(stub, "localhost", mode)).isInstanceOfSatisfying(ConnectionProblem.class,
                    problem -> {
                        assertThat(problem.kind()).isEqualTo(ConnectionProblem.Kind.TLS_CERT_CHANGED);
                        assertThat(problem.getMessage()).contains("different certificate", "interception");
                    });
        }
    }

    @Test
    void pinDoesNotSwitchOffTheHostNameCheck() throws Exception {
        TestCertificates.Issued other = TestCertificates.selfSigned("chat.example.com");
        try (TlsStub stub = new TlsStub(other, false)) {
            TrustMode mode = new TrustMode.Pinned(CertificateDetails.fingerprint(other.certificate()));
            assertThatThrownBy(() -> get(stub, "localhost", mode)).isInstanceOfSatisfying(ConnectionProblem.class,
                    problem -> assertThat(problem.kind()).isEqualTo(ConnectionProblem.Kind.TLS_HOSTNAME));
        }
    }

    @Test
    void systemTrustRefusesAPrivateCaAndSaysWhatToDo() throws Exception {
        TestCertificates.Issued ca = TestCertificates.ca("Test CA");
        try (TlsStub stub = new TlsStub(TestCertificates.server(ca, "localhost"), false)) {
            assertThatThrownBy(() -> get(stub, "localhost", TrustMode.system()))
                    .isInstanceOfSatisfying(ConnectionProblem.class, problem -> {
                        assertThat(problem.kind()).isEqualTo(ConnectionProblem.Kind.TLS_UNTRUSTED);
                        assertThat(problem.getMessage()).contains("CA file", "pin");
                    });
        }
    }

    @Test
    void caFileTrustsCertificatesOfThatCa(@TempDir Path dir) throws Exception {
        TestCertificates.Issued ca = TestCertificates.ca("Test CA");
        Path pem = dir.resolve("ca.pem");
        ca.writeCertificatePem(pem);
        try (TlsStub stub = new TlsStub(TestCertificates.server(ca, "localhost"), false)) {
            assertThat(get(stub, "localhost", new TrustMode.CaFile(pem)).status()).isEqualTo(200);
        }
    }

    @Test
    void probeShowsTheCertificateWithoutTrustingIt() throws Exception {
        TestCertificates.Issued self = TestCertificates.selfSigned("localhost");
        try (TlsStub stub = new TlsStub(self, false)) {
            List<CertificateDetails> chain = new CertificateProbe(Duration.ofSeconds(5)).fetch(stub.url("localhost"));
            assertThat(chain.get(0).sha256()).isEqualTo(CertificateDetails.fingerprint(self.certificate()));
            assertThat(chain.get(0).subjectAlternativeNames()).containsExactly("DNS:localhost");
            assertThat(chain.get(0).isSelfSigned()).isTrue();
        }
    }

    @Test
    void aFingerprintMustBeSha256() {
        assertThatThrownBy(() -> new TrustMode.Pinned("abc")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("64 hex digits");
        assertThat(new TrustMode.Pinned("ab:".repeat(31) + "ab").sha256()).isEqualTo("AB".repeat(32));
    }
}
