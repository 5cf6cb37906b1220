package org.chatalot.installer.tls;

import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * The server presented a certificate other than the pinned one. Its own type, carrying what was presented, so a
 * caller can show the new certificate for review (the admin app does) instead of a bare TLS error.
 */
public final class PinMismatchException extends CertificateException {
    private final String pinnedSha256;
    private final transient List<X509Certificate> presented;

    PinMismatchException(String pinnedSha256, List<X509Certificate> presented, String actualSha256) {
        super("certificate fingerprint " + actualSha256 + " is not the pinned " + pinnedSha256);
        this.pinnedSha256 = pinnedSha256;
        this.presented = List.copyOf(presented);
    }

    /** Upper-case hex, no separators. */
    public String pinnedSha256() {
        return pinnedSha256;
    }

    /** The chain the server presented, leaf first. */
    public List<X509Certificate> presented() {
        return presented;
    }
}
