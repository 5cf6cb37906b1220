package org.chatalot.e2e.proxy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A client of the public front, connecting from a chosen loopback address (127.0.0.2, 127.0.0.3, …) so that
 * the front sees a client that is not one of the server's trusted proxies, and trusting only the test CA.
 * Every request may carry extra headers: the forged ones a spoofing client would send.
 */
final class FrontClient {
    private final HttpClient client;
    private final URI base;

    FrontClient(String localAddress, URI base, Path trustedRoot) {
        this.base = base;
        try {
            this.client = HttpClient.newBuilder().localAddress(InetAddress.getByName(localAddress))
                    .sslContext(trusting(trustedRoot)).connectTimeout(Duration.ofSeconds(5)).build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    HttpResponse<String> get(String path, String token, Map<String, String> headers) {
        HttpRequest.Builder request = request(path, token, headers).GET();
        return send(request.build());
    }

    HttpResponse<String> postJson(String path, String body, Map<String, String> headers) {
        return send(request(path, null, headers).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    /** The status of a WebSocket upgrade to {@code /ws} with these headers: 101 when it opened. */
    int upgrade(Map<String, String> headers) {
        URI uri = URI.create(base.toString().replaceFirst("^https", "wss") + "/ws");
        WebSocket.Builder builder = client.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10));
        headers.forEach(builder::header);
        try {
            WebSocket socket = builder.buildAsync(uri, new WebSocket.Listener() { }).get(15, TimeUnit.SECONDS);
            socket.abort();
            return 101;
        } catch (java.util.concurrent.ExecutionException | CompletionException e) {
            if (e.getCause() instanceof WebSocketHandshakeException refused) {
                return refused.getResponse().statusCode();
            }
            throw new AssertionError("upgrade failed without an answer", e);
        } catch (InterruptedException | java.util.concurrent.TimeoutException e) {
            throw new AssertionError("upgrade did not finish", e);
        }
    }

    private HttpRequest.Builder request(String path, String token, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(15));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        headers.forEach(request::header);
        return request;
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static SSLContext trusting(Path root) {
        try (InputStream in = Files.newInputStream(root)) {
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            int i = 0;
            for (var certificate : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                store.setCertificateEntry("root-" + i++, certificate);
            }
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(store);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot trust " + root, e);
        }
    }
}
