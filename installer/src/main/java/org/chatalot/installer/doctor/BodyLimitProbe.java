package org.chatalot.installer.doctor;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;

import org.chatalot.installer.tls.TrustManagers;
import org.chatalot.model.ApiPaths;

/**
 * Announces an upload of {@code MAX_FILE_SIZE_MB} with {@code Expect: 100-continue} and reads the answer
 * before sending a byte of body: a proxy whose limit is too small answers 413 at once, one that accepts
 * the size answers {@code 100 Continue} (or lets the server answer). Raw socket, because the JDK's
 * HttpClient will not send a hand-set Content-Length or Expect header.
 */
final class BodyLimitProbe {
    /** Multipart framing around one file: boundary lines and part headers. */
    static final int MULTIPART_OVERHEAD = 512;

    private BodyLimitProbe() {
    }

    static Finding run(DoctorRequest request, Optional<String> token, Fixes fixes) {
        long length = request.maxFileSizeMb() * 1024L * 1024L + MULTIPART_OVERHEAD;
        String title = "Proxy accepts a " + request.maxFileSizeMb() + " MiB upload (headers only)";
        try (Socket plain = new Socket()) {
            int timeout = (int) request.timeout().toMillis();
            plain.connect(new InetSocketAddress(request.host(), request.httpsPort()), timeout);
            plain.setSoTimeout(timeout);
            try (SSLSocket socket = (SSLSocket) TrustManagers.sslContext(request.trust()).getSocketFactory()
                    .createSocket(plain, request.host(), request.httpsPort(), false)) {
                SSLParameters parameters = socket.getSSLParameters();
                parameters.setEndpointIdentificationAlgorithm("HTTPS");
                parameters.setApplicationProtocols(new String[] {"http/1.1"});
                socket.setSSLParameters(parameters);
                send(socket.getOutputStream(), request, token, length);
                return judge(title, length, request, readHead(socket), fixes);
            }
        } catch (SocketTimeoutException e) {
            return Finding.warn("proxy.body-limit", title, "no answer within " + request.timeout().toSeconds()
                    + " s to the announced " + length + " bytes: the proxy may wait for the body instead of "
                    + "honouring Expect: 100-continue, so the limit could not be confirmed", "");
        } catch (IOException e) {
            return Finding.skip("proxy.body-limit", title, "because the probe could not get an answer: "
                    + TlsChecks.describe(e));
        }
    }

    private static void send(OutputStream out, DoctorRequest request, Optional<String> token, long length)
            throws IOException {
        StringBuilder head = new StringBuilder("POST " + ApiPaths.API + "/files HTTP/1.1\r\n")
                .append("Host: ").append(request.url().getRawAuthority()).append("\r\n")
                .append("User-Agent: chatalot-doctor\r\n")
                .append("Content-Type: multipart/form-data; boundary=chatalot-doctor-probe\r\n")
                .append("Content-Length: ").append(length).append("\r\n")
                .append("Expect: 100-continue\r\n")
                .append("Connection: close\r\n");
        token.ifPresent(value -> head.append("Authorization: Bearer ").append(value).append("\r\n"));
        out.write(head.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    private static String readHead(SSLSocket socket) throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                StandardCharsets.ISO_8859_1));
        StringBuilder head = new StringBuilder();
        for (String line = reader.readLine(); line != null && !line.isEmpty(); line = reader.readLine()) {
            head.append(line).append('\n');
        }
        if (head.isEmpty()) {
            throw new IOException("connection closed without an answer");
        }
        return head.toString();
    }

    private static Finding judge(String title, long length, DoctorRequest request, String head, Fixes fixes) {
        String statusLine = head.lines().findFirst().orElse("");
        int status = statusLine.split(" ").length > 1 ? Integer.parseInt(statusLine.split(" ")[1]) : 0;
        String evidence = "announced Content-Length " + length + " with Expect: 100-continue -> " + statusLine;
        if (status == 413) {
            boolean fromServer = head.toLowerCase(Locale.ROOT).contains("application/json");
            String who = fromServer ? " (from the server)" : " (from the proxy)";
            return Finding.fail("proxy.body-limit", title, evidence + who,
                    fromServer ? "The server's own MAX_FILE_SIZE_MB is below " + request.maxFileSizeMb()
                            + ": pass the value the server really uses with --max-file-size-mb."
                            : fixes.bodyLimit(request.maxFileSizeMb() + 10));
        }
        if (status >= 500) {
            return Finding.warn("proxy.body-limit", title, evidence, "The proxy or server failed on an upload "
                    + "request: check the proxy's error log.");
        }
        return Finding.pass("proxy.body-limit", title, evidence + "; no body was sent");
    }
}
