package org.chatalot.server.selfcheck;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * What the self-check trusts: the JDK's CAs, and the private CA of SELF_CHECK_CA_FILE when one is set (a
 * certificate from {@code chatalot-install cert local-ca} or Caddy's internal CA). A chain either accepts is
 * trusted; otherwise the private CA's refusal is reported, being the one the admin configured. It records the
 * chain it was shown, so a refused or expired certificate can still be described.
 */
final class ProbeTrust extends X509ExtendedTrustManager {
    private final List<X509ExtendedTrustManager> managers;
    private volatile List<X509Certificate> chain = List.of();

    private ProbeTrust(List<X509ExtendedTrustManager> managers) {
        this.managers = managers;
    }

    /** The JDK's CAs plus those in {@code caFile}; read again at every check so a replaced file counts. */
    static ProbeTrust of(Optional<Path> caFile) throws IOException, GeneralSecurityException {
        List<X509ExtendedTrustManager> managers = new ArrayList<>();
        managers.add(pkix(null));
        if (caFile.isPresent()) {
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            int index = 0;
            for (Certificate certificate : read(caFile.get())) {
                store.setCertificateEntry("ca-" + index++, certificate);
            }
            if (index == 0) {
                throw new CertificateException("no certificate in " + caFile.get());
            }
            managers.add(pkix(store));
        }
        return new ProbeTrust(List.copyOf(managers));
    }

    List<X509Certificate> chain() {
        return chain;
    }

    /** One of the delegate's checks. */
    private interface Check {
        void on(X509ExtendedTrustManager manager) throws CertificateException;
    }

    private void anyAccepts(X509Certificate[] certificates, Check check) throws CertificateException {
        chain = certificates == null ? List.of() : List.of(certificates);
        CertificateException last = null;
        for (X509ExtendedTrustManager manager : managers) {
            try {
                check.on(manager);
                return;
            } catch (CertificateException e) {
                last = e;
            }
        }
        throw last;
    }

    @Override
    public void checkServerTrusted(X509Certificate[] certificates, String type, Socket socket)
            throws CertificateException {
        anyAccepts(certificates, manager -> manager.checkServerTrusted(certificates, type, socket));
    }

    @Override
    public void checkServerTrusted(X509Certificate[] certificates, String type, SSLEngine engine)
            throws CertificateException {
        anyAccepts(certificates, manager -> manager.checkServerTrusted(certificates, type, engine));
    }

    @Override
    public void checkServerTrusted(X509Certificate[] certificates, String type) throws CertificateException {
        anyAccepts(certificates, manager -> manager.checkServerTrusted(certificates, type));
    }

    @Override
    public void checkClientTrusted(X509Certificate[] certificates, String type, Socket socket)
            throws CertificateException {
        throw new CertificateException("the self-check accepts no clients");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] certificates, String type, SSLEngine engine)
            throws CertificateException {
        throw new CertificateException("the self-check accepts no clients");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] certificates, String type) throws CertificateException {
        throw new CertificateException("the self-check accepts no clients");
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return managers.stream().flatMap(m -> List.of(m.getAcceptedIssuers()).stream())
                .toArray(X509Certificate[]::new);
    }

    private static Collection<? extends Certificate> read(Path file) throws IOException, CertificateException {
        try (InputStream in = Files.newInputStream(file)) {
            return CertificateFactory.getInstance("X.509").generateCertificates(in);
        }
    }

    private static X509ExtendedTrustManager pkix(KeyStore store) throws GeneralSecurityException {
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(store);
        for (TrustManager manager : factory.getTrustManagers()) {
            if (manager instanceof X509ExtendedTrustManager extended) {
                return extended;
            }
        }
        throw new GeneralSecurityException("the JDK offers no X509ExtendedTrustManager");
    }
}
