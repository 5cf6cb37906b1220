package org.chatalot.server.file;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.chatalot.model.file.FileInfo;
import org.chatalot.model.file.FileUsage;
import org.chatalot.server.testing.ErrorAssertions;
import org.chatalot.server.testing.FileClient;
import org.chatalot.server.testing.RawHttp;
import org.chatalot.server.testing.TestServer;

/** Quota, upload rate and what a failed or abandoned upload leaves behind (nothing). */
class FileLimitsIT {
    private static final int KIB = 1024;
    private static final long QUOTA = 2L * 1024 * 1024;

    @RegisterExtension
    static TestServer server = TestServer.create().with("MAX_FILE_SIZE_MB", "1").with("UPLOAD_QUOTA_MB", "2")
            .with("UPLOADS_PER_MINUTE", "8");

    private final FileClient files = new FileClient(server);

    @Test
    void uploadThatWouldExceedTheQuotaIs413() {
        String token = token("quota");
        files.uploaded(token, "a.bin", FileClient.randomBytes(1024 * KIB, 1));
        files.uploaded(token, "b.bin", FileClient.randomBytes(900 * KIB, 2));

        HttpResponse<String> refused = files.upload(token, "c.bin", FileClient.randomBytes(200 * KIB, 3));

        ErrorAssertions.assertError(server, refused, 413, "quota_exceeded", "upload quota of 2 MiB");
        assertThat(usage(token).usedBytes()).isEqualTo(1924L * KIB);
    }

    @Test
    void deletingAFileGivesItsSpaceBackAtOnce() {
        String token = token("freeing");
        FileInfo first = files.uploaded(token, "a.bin", FileClient.randomBytes(1024 * KIB, 4));
        files.uploaded(token, "b.bin", FileClient.randomBytes(1024 * KIB, 5));
        assertThat(files.upload(token, "c.bin", FileClient.randomBytes(KIB, 6)).statusCode()).isEqualTo(413);

        assertThat(server.users().delete(token, "/api/files/" + first.id()).statusCode()).isEqualTo(204);

        assertThat(usage(token)).isEqualTo(new FileUsage(1024L * KIB, 1, QUOTA, 1024L * KIB));
        assertThat(files.upload(token, "c.bin", FileClient.randomBytes(1024 * KIB, 7)).statusCode()).isEqualTo(201);
        assertThat(usage(token).usedBytes()).isEqualTo(QUOTA);
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void concurrentUploadsByOneUserCannotExceedTheQuota() {
        String token = token("parallel");
        int uploads = 5;
        int size = 700 * KIB;
        CountDownLatch allNearlyDone = new CountDownLatch(uploads);
        List<CompletableFuture<HttpResponse<String>>> responses = new ArrayList<>();
        try (ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < uploads; i++) {
                byte[] body = FileClient.form("part" + i + ".bin", FileClient.randomBytes(size, 10 + i));
                HttpRequest.BodyPublisher publisher =
                        HttpRequest.BodyPublishers.ofInputStream(() -> pausingNearTheEnd(body, allNearlyDone));
                responses.add(CompletableFuture.supplyAsync(() -> files.send(token, "/api/files", publisher), clients));
            }
        }

        List<HttpResponse<String>> done = responses.stream().map(CompletableFuture::join).toList();

        long stored = done.stream().filter(r -> r.statusCode() == 201).count();
        assertThat(stored).as("uploads that fit").isBetween(1L, 2L);
        assertThat(done).filteredOn(r -> r.statusCode() != 201).allSatisfy(r ->
                ErrorAssertions.assertError(server, r, 413, "quota_exceeded", "quota"));
        assertThat(usage(token).usedBytes()).isEqualTo(stored * size).isLessThanOrEqualTo(QUOTA);
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void abortedUploadLeavesNoFileAndNoQuotaUse() throws IOException {
        String token = token("aborted");
        byte[] body = FileClient.form("half.bin", FileClient.randomBytes(1024 * KIB, 20));
        try (RawHttp http = new RawHttp(server.server().port())) {
            http.send("POST /api/files HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + token + "\r\n"
                    + "Content-Type: multipart/form-data; boundary=" + FileClient.BOUNDARY + "\r\n"
                    + "Content-Length: " + body.length + "\r\n\r\n");
            http.send(Arrays.copyOf(body, 400 * KIB));
            awaitIncoming(1);
            http.abort();
        }

        awaitIncoming(0);
        files.uploaded(token, "tiny.bin", FileClient.randomBytes(10, 21));
        files.uploaded(token, "a.bin", FileClient.randomBytes(1024 * KIB, 22));
        files.uploaded(token, "b.bin", FileClient.randomBytes(1024 * KIB - 10, 23));
        assertThat(usage(token).usedBytes()).as("the whole quota is usable again").isEqualTo(QUOTA);
    }

    @Test
    void uploadsBeyondThePerMinuteRateGet429WithRetryAfter() {
        String token = token("rapid");
        for (int i = 0; i < 8; i++) {
            files.uploaded(token, "n" + i + ".txt", new byte[] {'x'});
        }

        HttpResponse<String> refused = files.upload(token, "n9.txt", new byte[] {'x'});

        ErrorAssertions.assertError(server, refused, 429, "upload_rate_limited", "too many uploads");
        assertThat(refused.headers().firstValue("Retry-After")).hasValueSatisfying(
                seconds -> assertThat(Integer.parseInt(seconds)).isBetween(1, 60));
        assertThat(files.upload(token("patient"), "n.txt", new byte[] {'x'}).statusCode())
                .as("the limit is per user").isEqualTo(201);
    }

    private FileUsage usage(String token) {
        return server.users().expect(200, server.users().get(token, "/api/files/usage"), FileUsage.class);
    }

    private String token(String username) {
        return server.users().register(username).accessToken();
    }

    /**
     * Sends all but the last bytes, then waits until every upload got that far: each has then reserved
     * (or been refused) nearly its whole size while none has finished, the moment a quota race would show.
     */
    private static InputStream pausingNearTheEnd(byte[] body, CountDownLatch allNearlyDone) {
        int sent = body.length - 16 * KIB;
        InputStream first = new ByteArrayInputStream(body, 0, sent);
        InputStream second = new ByteArrayInputStream(body, sent, body.length - sent);
        return new SequenceInputStream(first, new InputStream() {
            private boolean waited;

            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                if (!waited) {
                    waited = true;
                    allNearlyDone.countDown();
                    try {
                        allNearlyDone.await(10, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IOException(e);
                    }
                }
                return second.read(buffer, offset, length);
            }
        });
    }

    /** Waits (up to 10 s) until exactly {@code count} uploads are in progress on disk. */
    private static void awaitIncoming(int count) {
        Path incoming = server.dataDir().resolve("files").resolve(".incoming");
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        long seen = -1;
        while (System.nanoTime() < deadline) {
            try (Stream<Path> parts = Files.list(incoming)) {
                seen = parts.count();
            } catch (IOException e) {
                throw new AssertionError(e);
            }
            if (seen == count) {
                return;
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        throw new AssertionError("expected " + count + " uploads in progress, saw " + seen);
    }
}
