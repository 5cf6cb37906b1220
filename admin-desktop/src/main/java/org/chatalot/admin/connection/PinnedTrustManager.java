package org.chatalot.admin.connection;

import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import javax.net.ssl.X509TrustManager;

/**
 * Accepts exactly the pinned end-entity certificate: the pin replaces chain validation, which a self-signed or
 * private-CA certificate could not pass. It is a plain {@link X509TrustManager} on purpose: the JDK wraps such a
 * manager and still checks the host name against the certificate (endpoint identification "HTTPS"), so a pin
 * never turns that check off. Any other certificate is refused with a {@link PinMismatchException}, even one a
 * public CA signed, because the admin approved this one and a change must be looked at.
 */
public final class PinnedTrustManager implements X509TrustManager {
    private final String pinnedSha256;
    private final X509TrustManager systemCas;

    public PinnedTrustManager(String pinnedSha256, X509TrustManager systemCas) {
        this.pinnedSha256 = TrustMode.normalize(pinnedSha256);
        this.systemCas = systemCas;
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        if (chain == null || chain.length == 0) {
            throw new CertificateException("the server sent no certificate");
        }
        CertificateDetails leaf = CertificateDetails.of(chain[0]);
        if (!TrustMode.normalize(leaf.sha256()).equals(pinnedSha256)) {
            throw new PinMismatchException(pinnedSha256, leaf, isTrustedBySystem(chain, authType));
        }
    }

    private boolean isTrustedBySystem(X509Certificate[] chain, String authType) {
        try {
            systemCas.checkServerTrusted(chain, authType);
            return true;
        } catch (CertificateException | RuntimeException e) {
            return false;
        }
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        throw new CertificateException("this app never accepts client certificates");
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return new X509Certificate[0];
    }
}
