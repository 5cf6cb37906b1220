package org.chatalot.installer.tls;

import java.net.Socket;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Trusts exactly the certificate with the pinned fingerprint, and only for a host name it names: a pin
 * replaces the CA, not the host check. Validity dates are deliberately not enforced here, so an expired
 * pinned certificate is reported by the doctor's expiry check rather than failing every connection. Another
 * certificate is refused with a {@link PinMismatchException} carrying it, even one a public CA signed: the pin
 * was approved, and a change must be looked at. The one pin check for the doctor and the admin app alike.
 */
final class PinnedTrustManager extends X509ExtendedTrustManager {
    private final String sha256;

    PinnedTrustManager(String sha256) {
        this.sha256 = sha256;
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        if (chain == null || chain.length == 0) {
            throw new CertificateException("the server sent no certificate");
        }
        String actual = CertificateFacts.fingerprint(chain[0]).replace(":", "");
        if (!actual.equals(sha256)) {
            throw new PinMismatchException(sha256, List.of(chain), actual);
        }
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
            throws CertificateException {
        checkServerTrusted(chain, authType);
        if (socket instanceof SSLSocket ssl) {
            checkHost(chain[0], ssl.getHandshakeSession().getPeerHost());
        }
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        checkServerTrusted(chain, authType);
        if (engine != null) {
            checkHost(chain[0], engine.getPeerHost());
        }
    }

    private static void checkHost(X509Certificate leaf, String host) throws CertificateException {
        if (host != null && !HostnameMatcher.matches(host, CertificateFacts.of(leaf, Instant.now())
                .subjectAlternativeNames())) {
            throw new CertificateException("pinned certificate does not name " + host);
        }
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        throw new CertificateException("client certificates are not accepted");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
            throws CertificateException {
        checkClientTrusted(chain, authType);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        checkClientTrusted(chain, authType);
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return new X509Certificate[0];
    }
}
