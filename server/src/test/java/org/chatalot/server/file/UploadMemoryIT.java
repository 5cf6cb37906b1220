package org.chatalot.server.file;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import org.chatalot.model.file.FileInfo;
import org.chatalot.server.http.Json;
import org.chatalot.server.testing.FileClient;
import org.chatalot.server.testing.GeneratedContent;
import org.chatalot.server.testing.ServerProcess;

/**
 * Streaming, proven the hard way: a server with a 96 MiB heap takes and serves back a file four times that
 * size. Buffering a file anywhere would end in OutOfMemoryError.
 */
class UploadMemoryIT {
    private static final long HEAP_MIB = 96;
    private static final long FILE_BYTES = 4 * HEAP_MIB * 1024 * 1024;

    @TempDir
    Path dir;

    @Test
    @Timeout(value = 180, unit = TimeUnit.SECONDS)
    void serverWithA96MiBHeapStoresAndServesAFileFourTimesLarger() throws Exception {
        try (ServerProcess server = ServerProcess.start(dir, List.of("-Xmx" + HEAP_MIB + "m"),
                Map.of("MAX_FILE_SIZE_MB", "500", "UPLOAD_QUOTA_MB", "0"))) {
            String token = server.ownerToken();
            long peakBefore = server.residentBytes(true);
            GeneratedContent content = new GeneratedContent(FILE_BYTES, 42);

            long started = System.nanoTime();
            HttpResponse<String> response = upload(server, token, content);
            double seconds = (System.nanoTime() - started) / 1e9;
            FileInfo info = Json.createMapper().readValue(response.body(), FileInfo.class);
            String served = downloadSha256(server, token, info);

            assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
            assertThat(info.sizeBytes()).isEqualTo(FILE_BYTES);
            assertThat(info.sha256()).isEqualTo(content.sha256());
            assertThat(served).isEqualTo(content.sha256());
            assertThat(server.output()).doesNotContain("OutOfMemoryError");
            System.out.printf("%d MiB upload into a -Xmx%dm server: %.1f s (%.0f MiB/s); heap used after %d MiB; "
                            + "peak RSS %d MiB before, %d MiB after%n", FILE_BYTES >> 20, HEAP_MIB, seconds,
                    (FILE_BYTES >> 20) / seconds, server.heapUsedBytes() >> 20, peakBefore >> 20,
                    server.residentBytes(true) >> 20);
        }
    }

    private static HttpResponse<String> upload(ServerProcess server, String token, GeneratedContent content)
            throws Exception {
        long length = FileClient.formLength("big.bin", content.size());
        HttpRequest.BodyPublisher body = HttpRequest.BodyPublishers.fromPublisher(
                HttpRequest.BodyPublishers.ofInputStream(() -> FileClient.formStream("big.bin", content)), length);
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(server.baseUri().resolve("/api/files"))
                .timeout(Duration.ofSeconds(150)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "multipart/form-data; boundary=" + FileClient.BOUNDARY).POST(body).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String downloadSha256(ServerProcess server, String token, FileInfo info) throws Exception {
        HttpResponse<InputStream> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(server.baseUri().resolve("/api/files/" + info.id()))
                        .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofInputStream());
        MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = response.body()) {
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                sha256.update(buffer, 0, read);
            }
        }
        return HexFormat.of().formatHex(sha256.digest());
    }
}
