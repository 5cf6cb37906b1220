package org.chatalot.admin.connection;

import java.security.cert.CertificateException;

/**
 * The server presented a certificate other than the pinned one. Kept as its own type so the app can explain it
 * (renewal or interception) and offer to review the new certificate, instead of a generic TLS error.
 */
public final class PinMismatchException extends CertificateException {
    private final String pinnedSha256;
    private final transient CertificateDetails presented;
    private final boolean trustedBySystemCas;

    public PinMismatchException(String pinnedSha256, CertificateDetails presented, boolean trustedBySystemCas) {
        super("the server's certificate changed: it presented SHA-256 " + presented.sha256()
                + " but this profile pinned " + CertificateDetails.colons(pinnedSha256));
        this.pinnedSha256 = pinnedSha256;
        this.presented = presented;
        this.trustedBySystemCas = trustedBySystemCas;
    }

    public String pinnedSha256() {
        return pinnedSha256;
    }

    public CertificateDetails presented() {
        return presented;
    }

    /** True when a public CA vouches for the new certificate: more likely a renewal than an interception. */
    public boolean isTrustedBySystemCas() {
        return trustedBySystemCas;
    }
}
