package org.chatalot.admin.connection;

import java.security.GeneralSecurityException;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

import org.chatalot.installer.tls.TrustManagers;

/**
 * Trust from the installer's trust layer, the one the deployment doctor uses: the JDK's CAs, or only the CAs of
 * a PEM file. A pin is the app's own {@link PinnedTrustManager}, because a changed certificate must come back as
 * a {@link PinMismatchException} saying what was presented, so the admin can review and re-approve it.
 */
public final class JdkSslContextFactory implements SslContextFactory {

    @Override
    public SSLContext create(TrustMode mode) {
        return switch (mode) {
            case TrustMode.SystemCas s -> TrustManagers.sslContext(mode.shared());
            case TrustMode.CaFile f -> TrustManagers.sslContext(mode.shared());
            case TrustMode.Pinned p -> pinned(new PinnedTrustManager(p.sha256(), systemCas()));
        };
    }

    public static X509TrustManager systemCas() {
        return TrustManagers.forMode(org.chatalot.installer.tls.TrustMode.system());
    }

    /**
     * Not through {@code TrustManagers.sslContext}, which takes an extended manager: this one is plain on purpose,
     * so the JDK wraps it and checks the host name itself.
     */
    private static SSLContext pinned(X509TrustManager manager) {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {manager}, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JDK offers no TLS", e);
        }
    }
}
