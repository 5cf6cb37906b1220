package org.chatalot.installer.doctor;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

import org.chatalot.installer.tls.TrustManagers;

/**
 * One real handshake with the configured trust, SNI, host-name verification and ALPN offering h2: what a
 * browser does. It records the chain the server sent even when the chain is rejected.
 *
 * @param chain        certificates the server presented (empty if it never got that far)
 * @param authType     key exchange type the trust manager was called with
 * @param isTrusted    whether the handshake completed, i.e. verification passed
 * @param protocol     negotiated TLS version when completed
 * @param alpn         negotiated application protocol when completed
 * @param localAddress our side of the connection: the address the server should see as the client
 * @param failure      why the handshake did not complete
 */
record TlsProbe(List<X509Certificate> chain, String authType, boolean isTrusted, Optional<String> protocol,
                Optional<String> alpn, Optional<InetAddress> localAddress, Optional<Exception> failure) {

    static TlsProbe run(DoctorRequest request) {
        RecordingTrustManager recorder = new RecordingTrustManager(
                TrustManagers.forMode(request.trust()));
        SSLSocketFactory factory = TrustManagers.sslContext(recorder).getSocketFactory();
        int timeout = (int) request.timeout().toMillis();
        try (Socket plain = new Socket()) {
            plain.connect(new InetSocketAddress(request.host(), request.httpsPort()), timeout);
            plain.setSoTimeout(timeout);
            try (SSLSocket socket = (SSLSocket) factory.createSocket(plain, request.host(), request.httpsPort(),
                    false)) {
                socket.setSSLParameters(browserLike(socket.getSSLParameters()));
                socket.startHandshake();
                return new TlsProbe(recorder.chain(), recorder.authType(), true,
                        Optional.of(socket.getSession().getProtocol()),
                        Optional.ofNullable(socket.getApplicationProtocol()).filter(p -> !p.isEmpty()),
                        Optional.of(plain.getLocalAddress()), Optional.empty());
            }
        } catch (IOException e) {
            return new TlsProbe(recorder.chain(), recorder.authType(), false, Optional.empty(), Optional.empty(),
                    Optional.empty(), Optional.of(recorder.rejection() != null ? recorder.rejection() : e));
        }
    }

    static SSLParameters browserLike(SSLParameters parameters) {
        parameters.setEndpointIdentificationAlgorithm("HTTPS");
        parameters.setApplicationProtocols(new String[] {"h2", "http/1.1"});
        return parameters;
    }

    boolean reachedCertificate() {
        return !chain.isEmpty();
    }
}
