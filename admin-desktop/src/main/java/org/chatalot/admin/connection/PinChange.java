package org.chatalot.admin.connection;

import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.List;

import org.chatalot.installer.tls.PinMismatchException;

/**
 * A pinned certificate that changed, as the admin reviews it: what was pinned, what the server presents now, and
 * whether a public CA vouches for the new one (more likely a renewal than an interception, but still the
 * admin's call).
 */
public record PinChange(String pinnedSha256, CertificateDetails presented, boolean trustedBySystemCas) {

    public static PinChange of(PinMismatchException mismatch) {
        List<X509Certificate> chain = mismatch.presented();
        return new PinChange(mismatch.pinnedSha256(), CertificateDetails.of(chain.get(0)), isPubliclyTrusted(chain));
    }

    private static boolean isPubliclyTrusted(List<X509Certificate> chain) {
        try {
            JdkSslContextFactory.systemCas().checkServerTrusted(chain.toArray(X509Certificate[]::new), "UNKNOWN");
            return true;
        } catch (CertificateException | RuntimeException e) {
            return false;
        }
    }
}
