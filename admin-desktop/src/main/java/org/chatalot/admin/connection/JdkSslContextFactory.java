package org.chatalot.admin.connection;

import javax.net.ssl.SSLContext;
import javax.net.ssl.X509TrustManager;

import org.chatalot.installer.tls.TrustManagers;

/**
 * Trust from the installer's trust layer, the one the deployment doctor uses, for all three modes: the JDK's CAs,
 * only the CAs of a PEM file, or one pinned certificate. A changed pin comes back as the installer's
 * {@code PinMismatchException} carrying the presented chain, which {@code Problems} turns into a {@link PinChange}
 * for the admin to review.
 */
public final class JdkSslContextFactory implements SslContextFactory {

    @Override
    public SSLContext create(TrustMode mode) {
        return TrustManagers.sslContext(mode.shared());
    }

    public static X509TrustManager systemCas() {
        return TrustManagers.forMode(org.chatalot.installer.tls.TrustMode.system());
    }
}
