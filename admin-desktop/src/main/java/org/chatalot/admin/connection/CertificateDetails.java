package org.chatalot.admin.connection;

import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.chatalot.installer.doctor.DoctorReport;
import org.chatalot.installer.tls.CertificateFacts;

/**
 * A certificate as the admin sees it before pinning it or in a check report: who it names, who signed it, when
 * it is valid and its SHA-256 fingerprint (colon-separated, the form browsers and openssl print).
 */
public record CertificateDetails(String subject, String issuer, List<String> subjectAlternativeNames,
                                 Instant notBefore, Instant notAfter, String sha256, String keyAlgorithm) {

    public static CertificateDetails of(X509Certificate certificate) {
        return of(CertificateFacts.of(certificate, Instant.now()));
    }

    /** From the installer's description of a certificate (the doctor's report carries those). */
    public static CertificateDetails of(CertificateFacts facts) {
        return new CertificateDetails(facts.subject(), facts.issuer(), List.copyOf(facts.subjectAlternativeNames()),
                facts.notBefore(), facts.notAfter(), facts.sha256Fingerprint(), facts.keyAlgorithm());
    }

    /** The certificate a doctor run saw the server present, if the handshake got that far. */
    public static Optional<CertificateDetails> leafOf(DoctorReport report) {
        return report.chain().stream().findFirst().map(CertificateDetails::of);
    }

    /** Whole days until the certificate expires; negative once it has. */
    public long daysLeft(Instant now) {
        long days = Duration.between(now, notAfter).toDays();
        return now.isAfter(notAfter) ? days - 1 : days;
    }

    public boolean isSelfSigned() {
        return subject.equals(issuer);
    }

    public static String fingerprint(X509Certificate certificate) {
        return CertificateFacts.fingerprint(certificate);
    }

    /** {@code AB12…} → {@code AB:12:…}. */
    public static String colons(String hex) {
        String plain = TrustMode.normalize(hex);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < plain.length(); i += 2) {
            out.append(i == 0 ? "" : ":").append(plain, i, i + 2);
        }
        return out.toString();
    }
}
