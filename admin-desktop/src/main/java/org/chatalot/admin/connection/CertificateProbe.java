package org.chatalot.admin.connection;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * Opens a TLS handshake only to read the certificate the server presents, so the admin can look at it before
 * pinning it. The recording trust manager refuses every chain after noting it, so the probe never completes a
 * connection and nothing is ever sent over an unverified channel.
 */
public final class CertificateProbe {
    private final Duration timeout;

    public CertificateProbe(Duration timeout) {
        this.timeout = timeout;
    }

    /** The chain the server at {@code url} presents, leaf first. */
    public List<CertificateDetails> fetch(URI url) throws IOException {
        Recorder recorder = new Recorder();
        try (SSLSocket socket = (SSLSocket) context(recorder).getSocketFactory().createSocket()) {
            int port = url.getPort() == -1 ? 443 : url.getPort();
            socket.connect(new InetSocketAddress(url.getHost(), port), (int) timeout.toMillis());
            socket.setSoTimeout((int) timeout.toMillis());
            SSLParameters parameters = socket.getSSLParameters();
            parameters.setServerNames(List.of(new SNIHostName(url.getHost())));
            socket.setSSLParameters(parameters);
            socket.startHandshake();
        } catch (IOException e) {
            if (recorder.chain == null) {
                throw e;
            }
        }
        return recorder.details().orElseThrow(() -> new IOException("the server presented no certificate"));
    }

    private static SSLContext context(X509TrustManager recorder) throws IOException {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {recorder}, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IOException("this JDK offers no TLS", e);
        }
    }

    /** Notes the chain, then refuses it: this probe looks, it never trusts. */
    private static final class Recorder implements X509TrustManager {
        private volatile X509Certificate[] chain;

        @Override
        public void checkServerTrusted(X509Certificate[] presented, String authType) throws CertificateException {
            chain = presented.clone();
            throw new CertificateException("certificate recorded for review; not trusted by the probe");
        }

        @Override
        public void checkClientTrusted(X509Certificate[] presented, String authType) throws CertificateException {
            throw new CertificateException("not a server");
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }

        Optional<List<CertificateDetails>> details() {
            X509Certificate[] seen = chain;
            if (seen == null || seen.length == 0) {
                return Optional.empty();
            }
            return Optional.of(Arrays.stream(seen).map(CertificateDetails::of).toList());
        }
    }
}
