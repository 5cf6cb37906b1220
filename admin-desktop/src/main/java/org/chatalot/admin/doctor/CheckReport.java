package org.chatalot.admin.doctor;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.chatalot.admin.connection.CertificateDetails;
import org.chatalot.installer.doctor.Finding;
import org.chatalot.installer.doctor.Severity;

/** Everything one run found, findings in the order they ran; the chain is leaf first, empty without a handshake. */
public record CheckReport(URI url, Instant startedAt, Duration took, List<Finding> findings,
                          List<CertificateDetails> chain) {

    public CheckReport {
        findings = List.copyOf(findings);
        chain = List.copyOf(chain);
    }

    public Severity worst() {
        return findings.stream().map(Finding::severity).max(Comparator.naturalOrder()).orElse(Severity.PASS);
    }

    /** For cron and CI, as the installer's doctor: 0 passed (or skipped), 1 a warning, 2 a failure. */
    public int exitCode() {
        return switch (worst()) {
            case PASS, SKIP -> 0;
            case WARN -> 1;
            case FAIL -> 2;
        };
    }

    public Optional<Finding> finding(String id) {
        return findings.stream().filter(finding -> finding.id().equals(id)).findFirst();
    }

    public long count(Severity severity) {
        return findings.stream().filter(finding -> finding.severity() == severity).count();
    }

    public Optional<CertificateDetails> leaf() {
        return chain.stream().findFirst();
    }
}
