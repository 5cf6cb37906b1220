package org.chatalot.installer.doctor;

import java.net.Socket;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Passes every decision to the real trust manager unchanged and only remembers what it was shown, so a
 * rejected chain can still be described (dates, names, issuer) without ever being accepted.
 */
final class RecordingTrustManager extends X509ExtendedTrustManager {
    private final X509ExtendedTrustManager delegate;
    private volatile List<X509Certificate> chain = List.of();
    private volatile String authType = "UNKNOWN";
    private volatile CertificateException rejection;

    RecordingTrustManager(X509ExtendedTrustManager delegate) {
        this.delegate = delegate;
    }

    List<X509Certificate> chain() {
        return chain;
    }

    String authType() {
        return authType;
    }

    CertificateException rejection() {
        return rejection;
    }

    /** One of the delegate's checks, which may throw. */
    private interface Check {
        void run() throws CertificateException;
    }

    @Override
    public void checkServerTrusted(X509Certificate[] certificates, String type, Socket socket)
            throws CertificateException {
        judge(certificates, type, () -> delegate.checkServerTrusted(certificates, type, socket));
    }

    @Override
    public void checkServerTrusted(X509Certificate[] certificates, String type, SSLEngine engine)
            throws CertificateException {
        judge(certificates, type, () -> delegate.checkServerTrusted(certificates, type, engine));
    }

    @Override
    public void checkServerTrusted(X509Certificate[] certificates, String type) throws CertificateException {
        judge(certificates, type, () -> delegate.checkServerTrusted(certificates, type));
    }

    /** Remembers the chain, lets the delegate decide, and remembers a rejection before passing it on. */
    private void judge(X509Certificate[] certificates, String type, Check check) throws CertificateException {
        remember(certificates, type);
        try {
            check.run();
        } catch (CertificateException e) {
            rejection = e;
            throw e;
        }
    }

    private void remember(X509Certificate[] certificates, String type) {
        chain = certificates == null ? List.of() : List.of(certificates);
        authType = type;
    }

    @Override
    public void checkClientTrusted(X509Certificate[] certificates, String type, Socket socket)
            throws CertificateException {
        delegate.checkClientTrusted(certificates, type, socket);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] certificates, String type, SSLEngine engine)
            throws CertificateException {
        delegate.checkClientTrusted(certificates, type, engine);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] certificates, String type) throws CertificateException {
        delegate.checkClientTrusted(certificates, type);
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return delegate.getAcceptedIssuers();
    }
}
