package org.chatalot.server.testing;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Random;
import java.util.UUID;

import org.chatalot.model.file.FileInfo;

/** Uploads and downloads through the real HTTP API, as a browser's form post would. */
public final class FileClient {
    public static final String BOUNDARY = "----chatalot-test-boundary-7MA4YWxkTrZu0gW";

    private final TestServer server;

    public FileClient(TestServer server) {
        this.server = server;
    }

    /** With Content-Length. */
    public HttpResponse<String> upload(String token, String filename, byte[] content) {
        return send(token, "/api/files", HttpRequest.BodyPublishers.ofByteArray(form(filename, content)));
    }

    /** Without Content-Length: the JDK client sends an input stream chunked. */
    public HttpResponse<String> uploadChunked(String token, String filename, byte[] content) {
        byte[] body = form(filename, content);
        return send(token, "/api/files",
                HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)));
    }

    public HttpResponse<String> uploadTo(String token, UUID channelId, String filename, byte[] content) {
        return send(token, "/api/files?channel_id=" + channelId,
                HttpRequest.BodyPublishers.ofByteArray(form(filename, content)));
    }

    public FileInfo uploaded(String token, String filename, byte[] content) {
        return server.users().expect(201, upload(token, filename, content), FileInfo.class);
    }

    public HttpResponse<String> send(String token, String path, HttpRequest.BodyPublisher body) {
        return server.send(server.request(path).header("Authorization", "Bearer " + token)
                .header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY).POST(body).build());
    }

    public HttpResponse<byte[]> download(String token, UUID id, String... headers) {
        HttpRequest.Builder request = server.request("/api/files/" + id).header("Authorization", "Bearer " + token);
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            return server.client().send(request.GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A multipart/form-data body with one file part named {@code file}. */
    public static byte[] form(String filename, byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(content.length + 512);
        out.writeBytes(head(filename));
        out.writeBytes(content);
        out.writeBytes(tail());
        return out.toByteArray();
    }

    /** The same body as a stream, for contents too large to hold. */
    public static InputStream formStream(String filename, InputStream content) {
        return new SequenceInputStream(new SequenceInputStream(new ByteArrayInputStream(head(filename)), content),
                new ByteArrayInputStream(tail()));
    }

    public static long formLength(String filename, long contentLength) {
        return head(filename).length + contentLength + tail().length;
    }

    public static byte[] head(String filename) {
        return ("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8);
    }

    public static byte[] tail() {
        return ("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8);
    }

    /** Deterministic pseudo-random bytes: incompressible, and unlike any file signature. */
    public static byte[] randomBytes(int size, long seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        if (size > 0) {
            bytes[0] = (byte) 0xA5;
        }
        return bytes;
    }

    public static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
