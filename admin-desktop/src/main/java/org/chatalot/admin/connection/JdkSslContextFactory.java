package org.chatalot.admin.connection;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Collection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/** Trust from the JDK: its CA list, the CAs of a PEM file, or one pinned certificate. */
public final class JdkSslContextFactory implements SslContextFactory {

    @Override
    public SSLContext create(TrustMode mode) {
        X509TrustManager manager = switch (mode) {
            case TrustMode.SystemCas s -> systemCas();
            case TrustMode.CaFile f -> fromKeyStore(caKeyStore(f));
            case TrustMode.Pinned p -> new PinnedTrustManager(p.sha256(), systemCas());
        };
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {manager}, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JDK offers no TLS", e);
        }
    }

    public static X509TrustManager systemCas() {
        return fromKeyStore(null);
    }

    private static X509TrustManager fromKeyStore(KeyStore store) {
        try {
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(store);
            for (TrustManager manager : factory.getTrustManagers()) {
                if (manager instanceof X509TrustManager x509) {
                    return x509;
                }
            }
            throw new IllegalStateException("the JDK offers no X.509 trust manager");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot build a trust manager", e);
        }
    }

    private static KeyStore caKeyStore(TrustMode.CaFile file) {
        try (InputStream in = Files.newInputStream(file.pemFile())) {
            Collection<? extends Certificate> cas = CertificateFactory.getInstance("X.509").generateCertificates(in);
            if (cas.isEmpty()) {
                throw new IllegalArgumentException("no certificate in CA file " + file.pemFile());
            }
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            int index = 0;
            for (Certificate ca : cas) {
                store.setCertificateEntry("ca-" + index++, ca);
            }
            return store;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read CA file " + file.pemFile(), e);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("CA file " + file.pemFile() + " is not PEM certificates: "
                    + e.getMessage(), e);
        }
    }
}
