package org.chatalot.admin.doctor;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.chatalot.installer.doctor.DoctorReport;
import org.chatalot.installer.doctor.Finding;
import org.chatalot.installer.doctor.ProgressListener;
import org.chatalot.installer.tls.CertificateFacts;

/** Deployment checks that report whatever the test sets, through the same progress calls as real ones. */
public final class FakeChecks implements DeploymentChecks {
    private List<Finding> next = List.of(Finding.pass("tls.handshake", "TLS handshake", "verified"));
    private int runs;
    private CheckRequest lastRequest;

    public void willReport(Finding... findings) {
        next = List.of(findings);
    }

    public int runs() {
        return runs;
    }

    public CheckRequest lastRequest() {
        return lastRequest;
    }

    @Override
    public DoctorReport run(CheckRequest request, ProgressListener progress) {
        runs++;
        lastRequest = request;
        List<Finding> done = new ArrayList<>();
        for (Finding finding : next) {
            progress.started(finding.id(), finding.title());
            done.add(finding);
            progress.finished(finding);
        }
        Instant now = Instant.now();
        CertificateFacts leaf = new CertificateFacts("CN=chat.example.com", "CN=Test CA",
                List.of("DNS:chat.example.com"), now.minus(Duration.ofDays(60)),
                now.plus(Duration.ofDays(30)).plusSeconds(60), 30, 0.33, "EC", 256, "AB:".repeat(31) + "AB");
        return new DoctorReport(request.url(), now, Duration.ofMillis(120), done, List.of(leaf), Optional.of("TLSv1.3"),
                Optional.of("h2"));
    }
}
