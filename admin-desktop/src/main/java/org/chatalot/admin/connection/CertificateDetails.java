package org.chatalot.admin.connection;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * A certificate as the admin sees it before pinning it or in a check report: who it names, who signed it, when
 * it is valid and its SHA-256 fingerprint (colon-separated, the form browsers and openssl print).
 */
public record CertificateDetails(String subject, String issuer, List<String> subjectAlternativeNames,
                                 Instant notBefore, Instant notAfter, String sha256, String keyAlgorithm) {

    public static CertificateDetails of(X509Certificate certificate) {
        return new CertificateDetails(certificate.getSubjectX500Principal().getName(),
                certificate.getIssuerX500Principal().getName(), names(certificate),
                certificate.getNotBefore().toInstant(), certificate.getNotAfter().toInstant(),
                fingerprint(certificate), certificate.getPublicKey().getAlgorithm());
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
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
            return HexFormat.ofDelimiter(":").withUpperCase().formatHex(digest);
        } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
            throw new IllegalStateException("cannot fingerprint a certificate", e);
        }
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

    private static List<String> names(X509Certificate certificate) {
        List<String> names = new ArrayList<>();
        try {
            if (certificate.getSubjectAlternativeNames() != null) {
                for (List<?> entry : certificate.getSubjectAlternativeNames()) {
                    int type = (Integer) entry.get(0);
                    if (type == 2 || type == 7) {
                        names.add((type == 2 ? "DNS:" : "IP:") + entry.get(1));
                    }
                }
            }
        } catch (CertificateParsingException e) {
            names.add("unreadable: " + e.getMessage());
        }
        return List.copyOf(names);
    }
}
