package org.chatalot.admin.doctor;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.chatalot.admin.connection.CertificateDetails;
import org.chatalot.admin.connection.TrustMode;
import org.chatalot.admin.testing.TestCertificates;
import org.chatalot.admin.testing.TlsStub;
import org.chatalot.installer.doctor.DoctorReport;
import org.chatalot.installer.doctor.Finding;
import org.chatalot.installer.doctor.ProgressListener;
import org.chatalot.installer.doctor.Severity;

/** The installer's doctor through the app's seam: all of its checks, live progress, the certificate, no bypass. */
class DoctorChecksTest {
    private final DoctorChecks checks = new DoctorChecks(Clock.systemUTC());

    @Test
    void runsTheDoctorsNineteenChecksWithTheProfilesTrust() throws Exception {
        TestCertificates.Issued identity = TestCertificates.selfSigned("localhost");
        try (TlsStub stub = new TlsStub(identity, true)) {
            List<String> started = new ArrayList<>();
            List<Finding> finished = new ArrayList<>();
            DoctorReport report = checks.run(CheckRequest.of(stub.url("localhost"), new TrustMode.Pinned(
                    CertificateDetails.fingerprint(identity.certificate()))).withIdle(Duration.ofSeconds(1))
                    .withTimeout(Duration.ofSeconds(15)), new ProgressListener() {
                        @Override
                        public void started(String id, String title) {
                            started.add(id);
                        }

                        @Override
                        public void finished(Finding finding) {
                            finished.add(finding);
                        }
                    });
            assertThat(report.findings()).extracting(Finding::id).containsExactly("dns.resolve", "tcp.https",
                    "tcp.http", "tls.handshake", "tls.protocols", "tls.chain", "tls.hostname", "tls.expiry", "tls.key",
                    "http.h2", "http.redirect", "http.health", "http.hsts", "ws.upgrade", "ws.auth", "ws.idle",
                    "proxy.body-limit", "proxy.forwarded", "config.public-url");
            assertThat(started).containsExactlyElementsOf(report.findings().stream().map(Finding::id).toList());
            assertThat(finished).isEqualTo(report.findings());
            assertThat(report.finding("tls.handshake")).map(Finding::severity).contains(Severity.PASS);
            assertThat(report.finding("http.health")).map(Finding::severity).contains(Severity.PASS);
            assertThat(CertificateDetails.leafOf(report)).map(CertificateDetails::sha256)
                    .contains(CertificateDetails.fingerprint(identity.certificate()));
        }
    }

    @Test
    void anUntrustedCertificateIsReportedNeverBypassed() throws Exception {
        try (TlsStub stub = new TlsStub(TestCertificates.selfSigned("localhost"), true)) {
            DoctorReport report = checks.run(CheckRequest.of(stub.url("localhost"), TrustMode.system())
                    .withTimeout(Duration.ofSeconds(15)), ProgressListener.NONE);
            assertThat(report.finding("tls.chain")).map(Finding::severity).contains(Severity.FAIL);
            assertThat(report.finding("http.health")).map(Finding::severity).contains(Severity.SKIP);
            assertThat(report.exitCode()).isEqualTo(2);
        }
    }

    @Test
    void aUrlTheDoctorCannotCheckIsOneFailureSayingWhy() throws Exception {
        DoctorReport report = checks.run(CheckRequest.of(URI.create("http://chat.example.com"), TrustMode.system()),
                ProgressListener.NONE);
        assertThat(report.findings()).singleElement().satisfies(finding -> {
            assertThat(finding.id()).isEqualTo("config.url");
            assertThat(finding.severity()).isEqualTo(Severity.FAIL);
            assertThat(finding.evidence()).contains("expected https://host[:port]");
        });
    }
}
