package org.chatalot.installer.tls;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * A certificate as data, for reports and the admin app: no X509Certificate needed to show it.
 *
 * @param subject                 subject DN
 * @param issuer                  issuer DN
 * @param subjectAlternativeNames {@code DNS:name} / {@code IP:address} entries
 * @param notBefore               start of validity
 * @param notAfter                end of validity
 * @param daysLeft                whole days until notAfter (negative when expired)
 * @param remainingFraction       share of the lifetime still left, 0 when expired
 * @param keyAlgorithm            RSA, EC, Ed25519 …
 * @param keyBits                 key size in bits (0 when the algorithm has a fixed size)
 * @param sha256Fingerprint       colon-separated upper-case hex of the DER encoding's SHA-256
 */
public record CertificateFacts(String subject, String issuer, List<String> subjectAlternativeNames,
                               Instant notBefore, Instant notAfter, long daysLeft, double remainingFraction,
                               String keyAlgorithm, int keyBits, String sha256Fingerprint) {

    public static CertificateFacts of(X509Certificate certificate, Instant now) {
        Instant from = certificate.getNotBefore().toInstant();
        Instant to = certificate.getNotAfter().toInstant();
        double lifetime = Duration.between(from, to).toMillis();
        double left = Math.max(0, Duration.between(now, to).toMillis());
        return new CertificateFacts(certificate.getSubjectX500Principal().getName(),
                certificate.getIssuerX500Principal().getName(), names(certificate), from, to,
                Duration.between(now, to).toDays() - (now.isAfter(to) ? 1 : 0),
                lifetime <= 0 ? 0 : Math.min(1.0, left / lifetime),
                certificate.getPublicKey().getAlgorithm(), keyBits(certificate), fingerprint(certificate));
    }

    public static String fingerprint(X509Certificate certificate) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
            return HexFormat.ofDelimiter(":").withUpperCase().formatHex(digest);
        } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int keyBits(X509Certificate certificate) {
        if (certificate.getPublicKey() instanceof RSAPublicKey rsa) {
            return rsa.getModulus().bitLength();
        }
        if (certificate.getPublicKey() instanceof ECPublicKey ec) {
            return ec.getParams().getOrder().bitLength();
        }
        return 0;
    }

    private static List<String> names(X509Certificate certificate) {
        List<String> names = new ArrayList<>();
        try {
            if (certificate.getSubjectAlternativeNames() == null) {
                return names;
            }
            for (List<?> entry : certificate.getSubjectAlternativeNames()) {
                int type = (Integer) entry.get(0);
                if (type == 2) {
                    names.add("DNS:" + entry.get(1));
                } else if (type == 7) {
                    names.add("IP:" + entry.get(1));
                }
            }
        } catch (CertificateParsingException e) {
            names.add("unreadable: " + e.getMessage());
        }
        return names;
    }
}
