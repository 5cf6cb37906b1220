package org.chatalot.server.selfcheck;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;

import org.chatalot.model.ApiPaths;
import org.chatalot.server.config.ServerConfig;

/**
 * One look at the public URL: a TCP connection (to PUBLIC_URL's host, or SELF_CHECK_CONNECT_ADDR), a TLS
 * handshake with SNI and host-name verification for PUBLIC_URL's host, and on that same verified connection
 * {@code GET /api/health}. Nothing is sent over a connection whose certificate did not verify.
 */
final class PublicUrlProbe {
    private static final int MAX_RESPONSE = 64 * 1024;

    private PublicUrlProbe() {
    }

    /**
     * What one look found.
     *
     * @param chain          the certificates presented, leaf first (empty when no handshake got that far)
     * @param verified       whether the chain and the host name verified
     * @param failure        why the connection, the handshake or the request failed
     * @param connected      whether a TCP connection was made at all
     * @param status         HTTP status of the health answer, 0 without one
     * @param body           its body (truncated)
     * @param latency        connect to last byte of the answer
     */
    record Observation(List<X509Certificate> chain, boolean verified, Optional<Exception> failure, boolean connected,
                       int status, String body, Duration latency) {
    }

    static Observation look(URI publicUrl, ServerConfig.SelfCheck config, Duration timeout) {
        String host = publicUrl.getHost();
        int port = publicUrl.getPort() == -1 ? 443 : publicUrl.getPort();
        InetSocketAddress address = config.connectTo().map(to -> new InetSocketAddress(to.host(), to.port()))
                .orElseGet(() -> new InetSocketAddress(host, port));
        long start = System.nanoTime();
        ProbeTrust trust;
        try {
            trust = ProbeTrust.of(config.caFile());
        } catch (IOException | GeneralSecurityException e) {
            return new Observation(List.of(), false, Optional.of(e), false, 0, "", Duration.ZERO);
        }
        boolean connected = false;
        try (Socket plain = new Socket()) {
            plain.connect(address, (int) timeout.toMillis());
            connected = true;
            plain.setSoTimeout((int) timeout.toMillis());
            try (SSLSocket socket = (SSLSocket) context(trust).getSocketFactory().createSocket(plain, host, port,
                    false)) {
                socket.setSSLParameters(parameters(socket.getSSLParameters(), host));
                try {
                    socket.startHandshake();
                } catch (IOException e) {
                    return new Observation(trust.chain(), false, Optional.of(e), true, 0, "", since(start));
                }
                return ask(socket, publicUrl, trust.chain(), start);
            }
        } catch (IOException | GeneralSecurityException e) {
            return new Observation(trust.chain(), false, Optional.of(e), connected, 0, "", since(start));
        }
    }

    private static Observation ask(SSLSocket socket, URI publicUrl, List<X509Certificate> chain, long start) {
        try {
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + ApiPaths.HEALTH + " HTTP/1.1\r\nHost: " + publicUrl.getRawAuthority()
                    + "\r\nAccept: application/json\r\nUser-Agent: chatalot-self-check\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String response = readAll(socket.getInputStream());
            int headEnd = response.indexOf("\r\n\r\n");
            String head = headEnd < 0 ? response : response.substring(0, headEnd);
            String body = headEnd < 0 ? "" : response.substring(headEnd + 4);
            if (head.toLowerCase(Locale.ROOT).contains("\r\ntransfer-encoding: chunked")) {
                body = unchunk(body);
            }
            String[] statusLine = head.lines().findFirst().orElse("").split(" ");
            int status = statusLine.length > 1 ? Integer.parseInt(statusLine[1]) : 0;
            return new Observation(chain, true, Optional.empty(), true, status, body, since(start));
        } catch (IOException | RuntimeException e) {
            return new Observation(chain, true, Optional.of(e instanceof IOException io ? io
                    : new IOException("unreadable answer: " + e.getMessage(), e)), true, 0, "", since(start));
        }
    }

    private static SSLContext context(ProbeTrust trust) throws GeneralSecurityException {
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, new TrustManager[] {trust}, null);
        return context;
    }

    private static SSLParameters parameters(SSLParameters parameters, String host) {
        parameters.setEndpointIdentificationAlgorithm("HTTPS");
        parameters.setApplicationProtocols(new String[] {"http/1.1"});
        if (!host.matches("[0-9.]+|.*:.*")) {
            parameters.setServerNames(List.of(new SNIHostName(host)));
        }
        return parameters;
    }

    private static String readAll(InputStream in) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        byte[] buffer = new byte[4096];
        for (int read = in.read(buffer); read != -1 && bytes.size() < MAX_RESPONSE; read = in.read(buffer)) {
            bytes.write(buffer, 0, read);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    /** Joins the chunks of a chunked body (the proxy may re-chunk the server's answer). */
    static String unchunk(String body) {
        StringBuilder joined = new StringBuilder();
        int index = 0;
        while (index < body.length()) {
            int lineEnd = body.indexOf("\r\n", index);
            if (lineEnd < 0) {
                break;
            }
            int size = Integer.parseInt(body.substring(index, lineEnd).split(";")[0].strip(), 16);
            if (size == 0) {
                break;
            }
            int from = lineEnd + 2;
            joined.append(body, from, Math.min(body.length(), from + size));
            index = from + size + 2;
        }
        return joined.toString();
    }

    private static Duration since(long start) {
        return Duration.ofNanos(System.nanoTime() - start);
    }
}
