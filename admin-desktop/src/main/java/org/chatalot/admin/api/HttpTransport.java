package org.chatalot.admin.api;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;

import org.chatalot.admin.connection.ConnectionProfile;
import org.chatalot.admin.connection.PrivateFiles;
import org.chatalot.admin.connection.SslContextFactory;

/**
 * HTTP to one server, with the profile's trust and a time limit on every request. Host-name verification is
 * set explicitly, whatever the trust mode: a pinned certificate replaces chain validation, never the name check.
 */
public final class HttpTransport {
    /** An error body is a line of JSON; a proxy's error page may be longer, and only its start is shown. */
    private static final int ERROR_BODY_LIMIT = 64 * 1024;

    private final SslContextFactory ssl;
    private final Duration timeout;
    private volatile ConnectionProfile profile;
    private volatile HttpClient client;

    public HttpTransport(ConnectionProfile profile, SslContextFactory ssl, Duration timeout) {
        this.ssl = ssl;
        this.timeout = timeout;
        this.profile = profile;
        this.client = client(profile);
    }

    private HttpClient client(ConnectionProfile target) {
        HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER);
        if (target.isHttps()) {
            SSLContext context = ssl.create(target.trust());
            SSLParameters parameters = context.getDefaultSSLParameters();
            parameters.setEndpointIdentificationAlgorithm("HTTPS");
            builder.sslContext(context).sslParameters(parameters);
        }
        return builder.build();
    }

    public ConnectionProfile profile() {
        return profile;
    }

    /** How long a request waits for its answer, unless the caller says otherwise. */
    public Duration timeout() {
        return timeout;
    }

    /**
     * Trusts as {@code approved} says from the next request on: after the admin approved a changed pinned
     * certificate, the session carries on with the same tokens instead of ending.
     */
    public synchronized void retrust(ConnectionProfile approved) {
        if (!approved.url().equals(profile.url())) {
            throw new IllegalArgumentException("retrust is for the same server, not " + approved.url());
        }
        HttpClient replaced = client;
        client = client(approved);
        profile = approved;
        replaced.shutdown();
    }

    /** One HTTP exchange: what came back and how long it took. */
    public record Response(int status, byte[] body, Duration took, HttpHeaders headers) {
        public boolean isSuccess() {
            return status >= 200 && status < 300;
        }

        public Optional<String> header(String name) {
            return headers.firstValue(name);
        }
    }

    public Response send(String method, String path, byte[] jsonBody, String bearer)
            throws IOException, InterruptedException {
        return send(method, path, jsonBody, bearer, timeout);
    }

    /** As above, waiting up to {@code limit} for the answer: for calls the server works on a while (a backup). */
    public Response send(String method, String path, byte[] jsonBody, String bearer, Duration limit)
            throws IOException, InterruptedException {
        HttpRequest request = request(method, path, jsonBody, bearer).timeout(limit).build();
        long start = System.nanoTime();
        try {
            HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
            return new Response(response.statusCode(), response.body(), Duration.ofNanos(System.nanoTime() - start),
                    response.headers());
        } catch (IOException e) {
            throw Problems.classify(e, request.uri());
        }
    }

    /**
     * A streamed download: the status, how many bytes reached the target, and on failure the (small) error body
     * the server sent instead, so the caller can show the server's own message.
     */
    public record Download(int status, long bytes, byte[] errorBody, HttpHeaders headers) {
    }

    /**
     * Streams a (possibly large) body to {@code target} through a {@code .part} file that is renamed only once the
     * whole body arrived: a dropped connection (how the server ends a failed export) never leaves a truncated file
     * that looks complete. The file is created readable by its owner only (600) before a byte arrives: a backup
     * holds the token signing key, an audit export people's addresses.
     */
    public Download download(String path, String bearer, Path target) throws IOException, InterruptedException {
        HttpRequest request = request("GET", path, null, bearer).setHeader("Accept", "*/*")
                .timeout(timeout.multipliedBy(30)).build();
        Path partial = target.resolveSibling(target.getFileName() + ".part");
        Files.deleteIfExists(partial);
        PrivateFiles.create(partial);
        try {
            HttpResponse<Path> response = client.send(request, HttpResponse.BodyHandlers.ofFile(partial,
                    StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING));
            if (response.statusCode() / 100 != 2) {
                return new Download(response.statusCode(), 0, head(partial), response.headers());
            }
            long bytes = Files.size(partial);
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING);
            return new Download(response.statusCode(), bytes, new byte[0], response.headers());
        } catch (IOException e) {
            throw Problems.classify(e, request.uri());
        } finally {
            Files.deleteIfExists(partial);
        }
    }

    private static byte[] head(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(ERROR_BODY_LIMIT);
        }
    }

    private HttpRequest.Builder request(String method, String path, byte[] jsonBody, String bearer) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(profile.resolve(path)).timeout(timeout)
                .header("Accept", "application/json").header("User-Agent", "chatalot-admin");
        if (bearer != null) {
            builder.header("Authorization", "Bearer " + bearer);
        }
        if (jsonBody == null) {
            return builder.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return builder.header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofByteArray(jsonBody));
    }
}
