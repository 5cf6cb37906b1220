package org.chatalot.server.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import jdk.jfr.consumer.RecordingStream;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.chatalot.testing.Poll;

/**
 * The upkeep on a bare H2 file, without the server: the layouts a chat server's writes rarely make on their
 * own, set up on purpose.
 */
class StoreMaintenanceIT {
    private static final int SMALL_ROWS = 400;
    private static final int ROW_BYTES = 4 * 1024;
    private static final int BIG_ROW_BYTES = 2 * 1024 * 1024;

    @TempDir
    Path work;

    /**
     * One commit of 2 MB (an import, a restore, a burst the writer batched) makes one chunk larger than the
     * upkeep rewrites in a round. When the small chunks before it die, that chunk has to move down for the
     * file to shrink; H2 never moves a chunk larger than the round's move limit, so with a limit below its
     * size the file stayed at its old length for good.
     */
    @Test
    void aChunkLargerThanOneRoundsRewriteStillMovesDown() throws Exception {
        Path file = work.resolve("store.mv.db");
        JdbcDataSource dataSource = durableStore(work.resolve("store"));
        Random random = new Random(7);
        try (Connection keepOpen = dataSource.getConnection()) {
            try (Statement statement = keepOpen.createStatement()) {
                statement.execute("CREATE TABLE small(id INT PRIMARY KEY, body VARBINARY(8192))");
                statement.execute("CREATE TABLE big(id INT PRIMARY KEY, body BLOB)");
            }
            try (PreparedStatement insert = keepOpen.prepareStatement("INSERT INTO small VALUES (?, ?)")) {
                for (int i = 0; i < SMALL_ROWS; i++) {
                    insert.setInt(1, i);
                    insert.setBytes(2, bytes(random, ROW_BYTES));
                    insert.executeUpdate();
                }
            }
            try (PreparedStatement insert = keepOpen.prepareStatement("INSERT INTO big VALUES (1, ?)")) {
                insert.setBytes(1, bytes(random, BIG_ROW_BYTES));
                insert.executeUpdate();
            }
            try (Statement statement = keepOpen.createStatement()) {
                statement.execute("DROP TABLE small");
            }
            long beforeUpkeep = Files.size(file);

            try (StoreMaintenance upkeep = StoreMaintenance.start(dataSource, dataSource.getURL()).orElseThrow()) {
                boolean shrank = Poll.until(() -> upkeep.fileBytes() >= 0
                        && upkeep.fileBytes() <= BIG_ROW_BYTES + 1024 * 1024, Duration.ofSeconds(60));

                assertThat(shrank).as("a %d-byte file holding one %d-byte row should come down to about that "
                        + "row's size; it is %d bytes (%d live)", beforeUpkeep, BIG_ROW_BYTES,
                        upkeep.fileBytes(), upkeep.liveBytes()).isTrue();
                assertThat(upkeep.failedRounds()).isZero();
            }
        }
    }

    /**
     * A small database taking a trickle of single commits, as a chat at light load does: its file sits just under
     * the move threshold nearly every round. Moving syncs the file two to four times while holding H2's store
     * lock, which every commit needs, so a move every second made the messages that came meanwhile wait for
     * those syncs (W2's slowest messages). A file like this one is moved once every ten rounds at most.
     */
    @Test
    void aSmallFileTakingATrickleOfCommitsIsNotSyncedUnderTheStoreLockEveryRound() throws Exception {
        JdbcDataSource dataSource = durableStore(work.resolve("trickle"));
        Random random = new Random(11);
        AtomicInteger movingSyncs = new AtomicInteger();
        ScheduledExecutorService trickle = Executors.newSingleThreadScheduledExecutor();
        try (Connection keepOpen = dataSource.getConnection(); RecordingStream jfr = new RecordingStream()) {
            PreparedStatement insert = chatTable(keepOpen);
            for (int i = 0; i < SMALL_ROWS; i++) {
                insert.setInt(1, i);
                insert.setBytes(2, bytes(random, 100));
                insert.executeUpdate();
            }
            jfr.enable("jdk.FileForce").withThreshold(Duration.ZERO).withStackTrace();
            jfr.onEvent("jdk.FileForce", event -> {
                if (event.getStackTrace() != null && event.getStackTrace().getFrames().stream()
                        .anyMatch(frame -> frame.getMethod().getName().equals("compactMoveChunks"))) {
                    movingSyncs.incrementAndGet();
                }
            });
            jfr.startAsync();
            commitTwentyASecond(trickle, insert, random, SMALL_ROWS);
            try (StoreMaintenance upkeep = StoreMaintenance.start(dataSource, dataSource.getURL()).orElseThrow()) {
                assertThat(Poll.until(() -> upkeep.rounds() >= 12, Duration.ofSeconds(60)))
                        .as("twelve rounds of upkeep").isTrue();
                stop(trickle);
                jfr.stop();

                long rounds = upkeep.rounds();
                // H2 syncs up to four times in a move: at most that for each round allowed to move, one of them
                // for the set-up's 400 commits, which leave the file half free at first. Every round: 55 in 12.
                assertThat(movingSyncs.get()).as("syncs while moving chunks in %d rounds", rounds)
                        .isLessThanOrEqualTo(4 * (int) (rounds / StoreMaintenance.SMALL_MOVE_EVERY_ROUNDS + 2));
                assertThat(upkeep.failedRounds()).isZero();
            }
        } finally {
            stop(trickle);
        }
    }

    /**
     * While commits come in, a round rewrites at most a quarter of its usual amount: the rewrite holds H2's store
     * lock, which every commit needs, and at the full amount the messages committed meanwhile were a chat's
     * slowest at light load. Once the commits stop, the rounds rewrite the full amount again, so the file comes
     * back near its data as fast as before. The upkeep's JFR event tells which amount each round could write.
     */
    @Test
    void theRewriteIsSmallWhileCommitsComeInAndFullOnceTheyStop() throws Exception {
        JdbcDataSource dataSource = durableStore(work.resolve("busy"));
        Random random = new Random(13);
        List<Round> rounds = new CopyOnWriteArrayList<>();
        ScheduledExecutorService trickle = Executors.newSingleThreadScheduledExecutor();
        try (Connection keepOpen = dataSource.getConnection(); RecordingStream jfr = new RecordingStream()) {
            PreparedStatement insert = chatTable(keepOpen);
            jfr.enable("org.chatalot.DatabaseUpkeep").withThreshold(Duration.ZERO);
            // The stream reuses its event objects: keep what each one says, not the object.
            jfr.onEvent("org.chatalot.DatabaseUpkeep", event -> rounds.add(
                    new Round(event.getStartTime(), event.getLong("writeLimitBytes"))));
            jfr.startAsync();
            commitTwentyASecond(trickle, insert, random, 0);
            try (StoreMaintenance upkeep = StoreMaintenance.start(dataSource, dataSource.getURL()).orElseThrow()) {
                assertThat(Poll.until(() -> upkeep.rounds() >= 5, Duration.ofSeconds(60)))
                        .as("five rounds of upkeep while commits come in").isTrue();
                stop(trickle);
                Instant stopped = Instant.now();

                boolean backToFull = Poll.until(() -> rounds.stream().anyMatch(round -> round.start()
                        .isAfter(stopped) && round.writeLimit() == StoreMaintenance.WRITE_LIMIT_BYTES),
                        Duration.ofSeconds(60));

                List<Long> whileCommitting = rounds.stream().filter(round -> round.start().isBefore(stopped))
                        .map(Round::writeLimit).toList();
                assertThat(whileCommitting).as("each round's rewrite limit while twenty commits a second came in")
                        .hasSizeGreaterThanOrEqualTo(4).containsOnly((long) StoreMaintenance.BUSY_WRITE_LIMIT_BYTES);
                assertThat(backToFull).as("a round with the full rewrite limit after the commits stopped; rounds "
                        + "since: %s", rounds.stream().filter(round -> round.start().isAfter(stopped))
                        .map(Round::writeLimit).toList()).isTrue();
                assertThat(upkeep.failedRounds()).isZero();
            }
        } finally {
            stop(trickle);
        }
    }

    /** An embedded H2 file at {@code file} whose every commit reaches the disk, as the server's. */
    private static JdbcDataSource durableStore(Path file) {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:file:" + file + ";WRITE_DELAY=0");
        return dataSource;
    }

    /** Makes the table a trickle of commits goes to and returns the statement that merges one row into it. */
    private static PreparedStatement chatTable(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE chat(id INT PRIMARY KEY, body VARBINARY(1024))");
        }
        return connection.prepareStatement("MERGE INTO chat VALUES (?, ?)");
    }

    /**
     * Twenty single-row commits a second on {@code trickle}, each one its own chunk, like W2's messages: 100-byte
     * rows merged into {@link #SMALL_ROWS} ids from {@code firstId} on, round and round.
     */
    private static void commitTwentyASecond(ScheduledExecutorService trickle, PreparedStatement merge, Random random,
                                            int firstId) {
        AtomicInteger next = new AtomicInteger();
        trickle.scheduleAtFixedRate(() -> {
            try {
                merge.setInt(1, firstId + next.getAndIncrement() % SMALL_ROWS);
                merge.setBytes(2, bytes(random, 100));
                merge.executeUpdate();
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }, 0, 50, TimeUnit.MILLISECONDS);
    }

    /** One round of upkeep as its JFR event told it. */
    private record Round(Instant start, long writeLimit) {
    }

    /**
     * Lets a commit under way finish: interrupting it (shutdownNow) would close H2's file channel under it, and H2
     * then fails the whole store.
     */
    private static void stop(ScheduledExecutorService trickle) throws InterruptedException {
        trickle.shutdown();
        assertThat(trickle.awaitTermination(30, TimeUnit.SECONDS)).as("the trickle of commits stopped").isTrue();
    }

    private static byte[] bytes(Random random, int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }
}
