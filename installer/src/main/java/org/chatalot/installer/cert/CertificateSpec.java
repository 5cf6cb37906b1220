package org.chatalot.installer.cert;

import java.time.Instant;
import java.util.List;

/**
 * What a certificate should say. Validity is explicit so tests can make expired, short-lived or
 * not-yet-valid certificates with the same code that issues real ones.
 *
 * @param commonName subject CN
 * @param dnsNames   DNS subject alternative names (what clients check)
 * @param ipNames    IP subject alternative names
 * @param notBefore  start of validity
 * @param notAfter   end of validity
 * @param isCa       a CA certificate (may sign others) rather than a server certificate
 * @param pathLength for a CA, how many intermediate CAs may follow it (0: it signs server certificates only)
 */
public record CertificateSpec(String commonName, List<String> dnsNames, List<String> ipNames, Instant notBefore,
                              Instant notAfter, boolean isCa, int pathLength) {

    public CertificateSpec {
        dnsNames = List.copyOf(dnsNames);
        ipNames = List.copyOf(ipNames);
        if (!notAfter.isAfter(notBefore)) {
            throw new IllegalArgumentException("notAfter must be after notBefore");
        }
    }

    public static CertificateSpec server(List<String> dnsNames, List<String> ipNames, Instant notBefore,
                                         Instant notAfter) {
        String cn = dnsNames.isEmpty() ? ipNames.get(0) : dnsNames.get(0);
        return new CertificateSpec(cn, dnsNames, ipNames, notBefore, notAfter, false, 0);
    }

    /** A CA that signs server certificates directly (what {@code cert local-ca} makes). */
    public static CertificateSpec authority(String commonName, Instant notBefore, Instant notAfter) {
        return authority(commonName, notBefore, notAfter, 0);
    }

    /**
     * A CA that may have {@code pathLength} intermediate CAs below it. Browsers enforce this even on a root
     * they trust: a root limited to 0 above an intermediate makes the whole chain invalid.
     */
    public static CertificateSpec authority(String commonName, Instant notBefore, Instant notAfter, int pathLength) {
        return new CertificateSpec(commonName, List.of(), List.of(), notBefore, notAfter, true, pathLength);
    }
}
