package org.chatalot.installer.tls;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;

import org.chatalot.installer.cert.Pem;

/**
 * Builds the trust manager and SSL context for a {@link TrustMode}. Use the context with
 * {@code HttpClient.newBuilder().sslContext(...)}: the JDK then checks the chain and the host name as usual.
 */
public final class TrustManagers {

    private TrustManagers() {
    }

    public static X509ExtendedTrustManager forMode(TrustMode mode) {
        return switch (mode) {
            case TrustMode.SystemCas s -> pkix(null);
            case TrustMode.CaFile f -> pkix(caKeyStore(readCas(f)));
            case TrustMode.PinnedFingerprint p -> new PinnedTrustManager(p.sha256());
        };
    }

    public static SSLContext sslContext(TrustMode mode) {
        return sslContext(forMode(mode));
    }

    public static SSLContext sslContext(X509ExtendedTrustManager trustManager) {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {trustManager}, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("no TLS in this JDK", e);
        }
    }

    private static List<X509Certificate> readCas(TrustMode.CaFile file) {
        try {
            String pem = Files.readString(file.pemFile(), StandardCharsets.US_ASCII);
            List<X509Certificate> cas = Pem.readCertificates(pem);
            if (cas.isEmpty()) {
                throw new IllegalArgumentException("ca-file: no certificate in " + file.pemFile());
            }
            return cas;
        } catch (IOException e) {
            throw new UncheckedIOException("ca-file: cannot read " + file.pemFile(), e);
        }
    }

    private static KeyStore caKeyStore(List<X509Certificate> cas) {
        try {
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            for (int i = 0; i < cas.size(); i++) {
                store.setCertificateEntry("ca-" + i, cas.get(i));
            }
            return store;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot build a trust store", e);
        }
    }

    private static X509ExtendedTrustManager pkix(KeyStore store) {
        try {
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(store);
            for (TrustManager manager : factory.getTrustManagers()) {
                if (manager instanceof X509ExtendedTrustManager extended) {
                    return extended;
                }
            }
            throw new IllegalStateException("the JDK offers no X509ExtendedTrustManager");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot build a trust manager", e);
        }
    }
}
