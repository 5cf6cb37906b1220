package org.chatalot.admin.doctor;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;

import org.junit.jupiter.api.Test;

import org.chatalot.admin.connection.CertificateDetails;
import org.chatalot.admin.connection.JdkSslContextFactory;
import org.chatalot.admin.connection.TrustMode;
import org.chatalot.admin.testing.TestCertificates;
import org.chatalot.admin.testing.TlsStub;

/** The built-in checks against a real TLS endpoint: healthy when pinned with HSTS, failing when not trusted. */
class BasicChecksTest {
    private final BasicChecks checks = new BasicChecks(new JdkSslContextFactory(), Clock.systemUTC());

    @Test
    void aPinnedHealthyFrontPasses() throws Exception {
        TestCertificates.Issued self = TestCertificates.selfSigned("localhost");
        try (TlsStub stub = new TlsStub(self, true)) {
            CheckReport report = checks.run(CheckRequest.of(stub.url("localhost"),
                    new TrustMode.Pinned(CertificateDetails.fingerprint(self.certificate()))), CheckProgress.NONE);
            assertThat(report.findings()).extracting(Finding::id).containsExactly("tls.certificate", "tls.handshake",
                    "tls.hostname", "tls.expiry", "http.health", "http.hsts");
            assertThat(report.worst()).isEqualTo(Severity.PASS);
            assertThat(report.exitCode()).isZero();
        }
    }

    @Test
    void anUntrustedCertificateFailsAndSkipsTheHttpChecks() throws Exception {
        try (TlsStub stub = new TlsStub(TestCertificates.selfSigned("localhost"), false)) {
            CheckReport report = checks.run(CheckRequest.of(stub.url("localhost"), TrustMode.system()),
                    CheckProgress.NONE);
            assertThat(report.finding("tls.handshake").orElseThrow().severity()).isEqualTo(Severity.FAIL);
            assertThat(report.finding("http.health").orElseThrow().severity()).isEqualTo(Severity.SKIP);
            assertThat(report.exitCode()).isEqualTo(2);
            assertThat(report.leaf()).isPresent();
        }
    }
}
