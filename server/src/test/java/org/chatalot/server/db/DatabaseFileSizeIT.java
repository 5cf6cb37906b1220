package org.chatalot.server.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.chatalot.model.auth.AuthTokens;
import org.chatalot.model.channel.Channel;
import org.chatalot.server.testing.TestServer;
import org.chatalot.testing.Poll;

/**
 * The database file stays within a small factor of its data while the server runs. Every message is sent
 * on its own, so each is one durable commit: the pattern that grew an operator's file to 86 times its data
 * (each commit a new chunk of whole B-tree pages, nothing reclaimed until a restart). Once the writes stop
 * and the few seconds' retention has passed, the file must come back near the size of what it holds, which
 * the test then measures by compacting a copy offline.
 */
class DatabaseFileSizeIT {
    /** Messages per burst; the second burst comes from a warm JVM, faster, as in a long test run. */
    private static final int MESSAGES = 1500;
    private static final int BURSTS = 2;
    /**
     * Before the upkeep, one burst left 30 MB that stayed until a restart; with chunks moved only below half
     * the file in use, a second, faster burst left 24 MB stuck in two well-filled chunks. Each burst's file
     * must come back under this (seen: 0.8–1.5 MB); the bound against the data itself is the compacted-copy
     * check below.
     */
    private static final long SETTLED_BYTES = 3L * 1024 * 1024;
    private static final int SMALL_FACTOR = 4;
    /** H2's headers and layout, and chunks still within their seconds of retention: there even when tiny. */
    private static final long FIXED_OVERHEAD_BYTES = 512L * 1024;

    @TempDir
    Path work;

    @Test
    void theFileComesBackNearTheSizeOfItsDataWhileTheServerRuns() throws Exception {
        Path data = work.resolve("data");
        Path file = data.resolve("chatalot.mv.db");
        TestServer server = TestServer.create().with("DATA_DIR", data.toString());
        server.start();
        long settled;
        try {
            AuthTokens owner = server.users().owner();
            Channel channel = server.chat().publicChannel(owner, "growing");
            String filler = "x".repeat(90);
            settled = 0;
            for (int burst = 1; burst <= BURSTS; burst++) {
                for (int i = 0; i < MESSAGES; i++) {
                    server.chat().send(owner, channel.id(), "message " + burst + "." + i + " " + filler);
                }
                long afterWriting = size(file);

                boolean cameBack = Poll.until(() -> size(file) <= SETTLED_BYTES, Duration.ofSeconds(60));
                settled = size(file);

                assertThat(cameBack).as("burst %d of %d messages left a %d-byte file (%d right after writing); it "
                        + "should come back under %d bytes while the server runs. The upkeep's own figures: %s",
                        burst, MESSAGES, settled, afterWriting, SETTLED_BYTES, upkeepMetrics(server)).isTrue();
            }
            assertThat(upkeepMetrics(server)).as("the upkeep's figures on /metrics")
                    .containsPattern("chatalot_db_upkeep_failures_total\\{[^}]*} 0\\.0")
                    .containsPattern("chatalot_db_file_bytes\\{[^}]*} \\d");
        } finally {
            server.stop();
        }
        long compacted = compactedCopy(file);
        assertThat(settled).as("running file against its data (%d bytes compacted offline)", compacted)
                .isLessThanOrEqualTo(SMALL_FACTOR * compacted + FIXED_OVERHEAD_BYTES);
    }

    private static String upkeepMetrics(TestServer server) {
        return server.send(HttpRequest.newBuilder(server.localUri("/metrics")).build()).body().lines()
                .filter(line -> line.startsWith("chatalot_db_")).collect(Collectors.joining("; "));
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private long compactedCopy(Path file) throws Exception {
        Path copy = Files.createDirectories(work.resolve("copy"));
        Files.copy(file, copy.resolve("chatalot.mv.db"));
        try (Connection connection = DriverManager.getConnection("jdbc:h2:file:" + copy.resolve("chatalot"));
             Statement statement = connection.createStatement()) {
            statement.execute("SHUTDOWN COMPACT");
        }
        return Files.size(copy.resolve("chatalot.mv.db"));
    }
}
