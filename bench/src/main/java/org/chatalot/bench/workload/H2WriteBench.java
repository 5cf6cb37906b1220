package org.chatalot.bench.workload;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.chatalot.bench.core.Latencies;

/**
 * The price of durable commits in H2, measured on the message table's shape: single-row commits with
 * H2's default (commits written in the background) and with WRITE_DELAY=0 (every commit reaches the file
 * before it returns), and WRITE_DELAY=0 with 64 messages per commit (the server's group commit).
 */
public final class H2WriteBench {

    /** {@code commitP50Ms}/{@code commitP99Ms}: one commit's time, from its first insert until it returned. */
    public record Result(String setting, int rowsPerCommit, long rows, double seconds, double rowsPerSecond,
                         boolean isDurable, double commitP50Ms, double commitP99Ms) {
    }

    public Result run(Path dir, String setting, String urlSuffix, int rowsPerCommit, double seconds) throws Exception {
        Path dbDir = Files.createTempDirectory(dir, "h2-");
        String url = "jdbc:h2:file:" + dbDir.resolve("bench") + urlSuffix;
        try (Connection connection = DriverManager.getConnection(url)) {
            connection.createStatement().execute("CREATE TABLE message (id UUID PRIMARY KEY, channel_id UUID, "
                    + "sender_id UUID, content CHARACTER VARYING(65536), created_at TIMESTAMP WITH TIME ZONE)");
            connection.setAutoCommit(rowsPerCommit == 1);
            UUID channel = UUID.randomUUID();
            Latencies commits = new Latencies();
            long rows = 0;
            long end = System.nanoTime() + (long) (seconds * 1e9);
            long start = System.nanoTime();
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO message VALUES (?, ?, ?, ?, ?)")) {
                while (System.nanoTime() < end) {
                    long began = System.nanoTime();
                    for (int i = 0; i < rowsPerCommit; i++) {
                        insert(insert, channel);
                        rows++;
                    }
                    if (rowsPerCommit > 1) {
                        connection.commit();
                    }
                    commits.add(System.nanoTime() - began);
                }
            }
            double elapsed = (System.nanoTime() - start) / 1e9;
            long[] sorted = Latencies.merged(List.of(commits));
            return new Result(setting, rowsPerCommit, rows, elapsed, rows / elapsed,
                    urlSuffix.toUpperCase(Locale.ROOT).contains("WRITE_DELAY=0"),
                    Latencies.percentileMillis(sorted, 50), Latencies.percentileMillis(sorted, 99));
        }
    }

    private static void insert(PreparedStatement insert, UUID channel) throws SQLException {
        insert.setObject(1, UUID.randomUUID());
        insert.setObject(2, channel);
        insert.setObject(3, channel);
        insert.setString(4, "a typical chat message of about sixty characters, give or take");
        insert.setObject(5, OffsetDateTime.now());
        insert.executeUpdate();
    }
}
