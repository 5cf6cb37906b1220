package org.chatalot.installer.doctor;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.chatalot.installer.tls.CertificateFacts;

/**
 * Everything one run found.
 *
 * @param url          the URL checked
 * @param startedAt    when the run began
 * @param took         how long it ran
 * @param findings     one per check, in the order they ran
 * @param chain        the certificates the server presented, leaf first (empty when no handshake got that far)
 * @param tlsProtocol  negotiated protocol of the main handshake, e.g. TLSv1.3
 * @param alpn         negotiated application protocol, e.g. h2
 */
public record DoctorReport(URI url, Instant startedAt, Duration took, List<Finding> findings,
                           List<CertificateFacts> chain, Optional<String> tlsProtocol, Optional<String> alpn) {

    public DoctorReport {
        findings = List.copyOf(findings);
        chain = List.copyOf(chain);
    }

    public Severity worst() {
        return findings.stream().map(Finding::severity).max(Comparator.naturalOrder()).orElse(Severity.PASS);
    }

    /** For cron and CI: 0 all passed (or skipped), 1 a warning, 2 a failure. */
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

    public List<Finding> withSeverity(Severity severity) {
        return findings.stream().filter(finding -> finding.severity() == severity).toList();
    }
}
