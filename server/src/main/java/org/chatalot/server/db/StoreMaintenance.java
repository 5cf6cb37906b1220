package org.chatalot.server.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.RandomAccessStore;

/**
 * The upkeep H2 skips when commits are durable, done here. With {@code WRITE_DELAY=0} H2 writes every commit
 * to its file before returning, but it also runs without its background thread, and that thread is what
 * rewrites half-empty chunks and moves chunks down so the file can shrink. Without it the file only grows:
 * each commit appends a chunk holding fresh copies of every B-tree page it touched (16 KB leaves), the
 * superseded chunks are kept for H2's 45-second retention time, and a chunk with one live page left stays
 * for good. Measured with {@code ./bench/run soak}: 11 KB of file per 100-byte message, 91 times the data,
 * until a restart compacted it; 750 to 934 bytes per message with this upkeep (docs/performance.md).
 *
 * <p>So every second this: makes what is committed reach the disk ({@code fsync}, which H2 does not do per
 * commit), then rewrites chunks that are mostly empty and moves chunks towards the start of the file so its
 * end can be cut off, within a bounded amount of writing per second, as H2's own housekeeping does. Because
 * the file is synced every second, superseded chunks need not wait 45 seconds for the operating system to
 * have written their successors: the retention time is a few seconds, unless DATABASE_URL sets its own.
 *
 * <p>It only touches an embedded H2 file database (not H2 over TCP, not another database), through H2's
 * own MVStore API. A failing round is logged (once a minute at most) and the next one tries again.
 */
final class StoreMaintenance implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(StoreMaintenance.class.getName());
    static final Duration INTERVAL = Duration.ofSeconds(1);
    /** How long a superseded chunk keeps its place: two sync intervals. */
    static final int RETENTION_MILLIS = 2_000;
    /** Chunks are rewritten while less than this share of what they hold is live. */
    static final int TARGET_FILL_PERCENT = 80;
    /**
     * Chunks are moved down (so the file's end can be cut off) while no more than this share of the file is in
     * use, H2's own threshold for its background housekeeping. A lower one (50) left the file stuck: after a
     * burst of single commits, two large, well-filled chunks held 60 % of a 24 MB file for 1 MB of data, too
     * full to move and too full to rewrite, until the next writes (DatabaseFileSizeIT, warm JVM, CI). At this
     * level an internal assertion of H2 2.4.240 (FreeSpaceBitSet.allocate: a moved chunk placed in a free gap
     * of the area being emptied) trips now and then; without assertions, as in production, that only makes
     * the move less effective, and H2's own housekeeping runs the same code at the same level. With
     * assertions on, the store would treat the AssertionError as fatal and close, so the test JVMs run H2
     * without its assertions (pom.xml, test.jvmArgs).
     */
    static final int MOVE_AT_PERCENT = 90;
    /** Most live bytes rewritten per round while nothing else was committed since the last one. */
    static final int WRITE_LIMIT_BYTES = 1024 * 1024;
    /**
     * Most live bytes rewritten per round while messages are being committed. The rewrite holds H2's store
     * lock, which every commit needs: at 1 MB it held it 13-21 ms, and the messages committed meanwhile were
     * most of a chat's slowest at light load (W2 with {@code --jfr}, docs/performance.md). A quarter of that
     * holds it a quarter as long; once the writes stop, the full limit brings the file back near its data as
     * fast as before (DatabaseFileSizeIT).
     */
    static final int BUSY_WRITE_LIMIT_BYTES = WRITE_LIMIT_BYTES / 4;
    /**
     * Most bytes moved per round. H2 never moves a chunk larger than this (it drops it from the round's
     * choice), so a chunk above it near the end of the file would keep the file from shrinking for good. The
     * chunk a rewrite makes holds up to {@link #WRITE_LIMIT_BYTES} of live pages plus the pages the rewrite
     * itself changes; the largest chunk seen in 18 runs of DatabaseFileSizeIT under load held 0.66 MB. Four
     * times the rewrite limit leaves room for both (StoreMaintenanceIT: a 2 MB chunk kept an 11.6 MB file
     * for 2.1 MB of data at the old limit of 1 MB). A larger commit (only a migration makes one) leaves its
     * chunk in place until the chunk empties and is rewritten. With the rewrite,
     * the extra I/O stays under about 5 MB per second, and is far less once the file has settled.
     */
    static final long MOVE_LIMIT_BYTES = 4L * WRITE_LIMIT_BYTES;
    /**
     * A move with little to gain runs only every this many rounds. Moving holds H2's store lock, which every
     * commit needs, through two to four {@code fsync}s and the chunk writes (40-50 ms a round on the shared
     * machine, up to 320 ms): at a chat's light load each move made the message that arrived meanwhile the
     * slowest of its second (W2 with {@code --jfr}, docs/performance.md). A small file that has settled sits
     * just under {@link #MOVE_AT_PERCENT} nearly every round (each commit's new chunk lands in a gap while the
     * one it replaced waits out its retention), so it was moved every second to win back a few hundred KB that
     * the next commits reuse anyway. Once every ten seconds still keeps such a file near its data.
     */
    static final int SMALL_MOVE_EVERY_ROUNDS = 10;
    private static final long LOG_EVERY_NANOS = Duration.ofMinutes(1).toNanos();

    private final DataSource dataSource;
    private final boolean setRetention;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "db-maintenance");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicLong failedRounds = new AtomicLong();
    private final AtomicLong rounds = new AtomicLong();
    /** Rounds since the last one that could move chunks; touched by the upkeep's thread only. */
    private int roundsSinceMove;
    /** The store's version when the last round ended; touched by the upkeep's thread only. */
    private long versionAfterRound = -1;
    private volatile long fileBytes = -1;
    private volatile long liveBytes = -1;
    private long lastLogged = System.nanoTime() - LOG_EVERY_NANOS;

    private StoreMaintenance(DataSource dataSource, boolean setRetention) {
        this.dataSource = dataSource;
        this.setRetention = setRetention;
    }

    /** Starts the rounds when {@code url} opens an embedded H2 file; empty for any other database. */
    static Optional<StoreMaintenance> start(DataSource dataSource, String url) {
        if (store(dataSource).isEmpty()) {
            return Optional.empty();
        }
        StoreMaintenance maintenance = new StoreMaintenance(dataSource,
                !url.toUpperCase(Locale.ROOT).contains("RETENTION_TIME"));
        maintenance.scheduler.scheduleWithFixedDelay(maintenance::round, INTERVAL.toMillis(), INTERVAL.toMillis(),
                TimeUnit.MILLISECONDS);
        return Optional.of(maintenance);
    }

    /** One round. Never throws: a scheduled task that throws is never run again. */
    private void round() {
        try {
            store(dataSource).ifPresent(this::upkeep);
        } catch (Throwable e) {
            failedRounds.incrementAndGet();
            long now = System.nanoTime();
            if (now - lastLogged >= LOG_EVERY_NANOS) {
                lastLogged = now;
                LOG.log(System.Logger.Level.WARNING, "Database file upkeep failed; trying again every second: "
                        + Database.rootMessage(e));
            }
        }
    }

    private void upkeep(MVStore store) {
        if (setRetention && store.getRetentionTime() != RETENTION_MILLIS) {
            store.setRetentionTime(RETENTION_MILLIS);
        }
        DatabaseUpkeepEvent event = new DatabaseUpkeepEvent();
        event.begin();
        long start = System.nanoTime();
        store.sync();
        long synced = System.nanoTime();
        // The round's own writes end before versionAfterRound is read: a new version means someone else committed.
        int writeLimit = store.getCurrentVersion() != versionAfterRound ? BUSY_WRITE_LIMIT_BYTES : WRITE_LIMIT_BYTES;
        store.compact(TARGET_FILL_PERCENT, writeLimit);
        long compacted = System.nanoTime();
        if (store.getFileStore() instanceof RandomAccessStore file) {
            // Also frees the chunks that died since the last commit: without commits nothing else would. With a
            // threshold of 0 it does only that (no file with data is 0 % in use), without writing or syncing.
            boolean move = worthMoving(file.size(), file.getFillRate());
            file.compactMoveChunks(move ? MOVE_AT_PERCENT : 0, MOVE_LIMIT_BYTES, store);
        }
        versionAfterRound = store.getCurrentVersion();
        long size = store.getFileStore().size();
        rounds.incrementAndGet();
        if (event.shouldCommit()) {
            event.sync = synced - start;
            event.compact = compacted - synced;
            event.move = System.nanoTime() - compacted;
            event.fileBytes = size;
            event.writeLimitBytes = writeLimit;
            event.commit();
        }
        // H2's own fill rates: the share of the file its chunks occupy, and the share of those chunks still live.
        liveBytes = size * store.getFileStore().getFillRate() / 100 * store.getFileStore().getChunksFillRate() / 100;
        fileBytes = size;
    }

    /**
     * Whether this round may move chunks down: at once when the file is at least half free space or has at least
     * a round's move limit free (a burst, a deletion: the file must come back near its data), otherwise once
     * every {@link #SMALL_MOVE_EVERY_ROUNDS} rounds. H2 itself then moves only below {@link #MOVE_AT_PERCENT}.
     */
    private boolean worthMoving(long fileBytes, int fillPercent) {
        long free = fileBytes * (100 - fillPercent) / 100;
        if (free >= MOVE_LIMIT_BYTES || 2 * free >= fileBytes || ++roundsSinceMove >= SMALL_MOVE_EVERY_ROUNDS) {
            roundsSinceMove = 0;
            return true;
        }
        return false;
    }

    /** Rounds that completed since the start. */
    long rounds() {
        return rounds.get();
    }

    /** What of the file is live data, estimated from H2's fill rates after the last round; -1 before the first. */
    long liveBytes() {
        return liveBytes;
    }

    /** Rounds that failed since the start (each is logged, once a minute at most). */
    long failedRounds() {
        return failedRounds.get();
    }

    /** The file's size after the last round that completed; -1 before the first. */
    long fileBytes() {
        return fileBytes;
    }

    /**
     * The open store behind the pool's connections, found anew each round (H2 reopens the database after
     * it has closed it, e.g. on a full disk); empty when the pool does not hold an embedded H2 file.
     */
    private static Optional<MVStore> store(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            if (!connection.isWrapperFor(JdbcConnection.class)
                    || !(connection.unwrap(JdbcConnection.class).getSession() instanceof SessionLocal session)) {
                return Optional.empty();
            }
            org.h2.mvstore.db.Store store = session.getDatabase().getStore();
            if (store == null || store.getMvStore().getFileStore() == null || store.getMvStore().isClosed()) {
                return Optional.empty();
            }
            return Optional.of(store.getMvStore());
        } catch (SQLException e) {
            return Optional.empty();
        }
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
        try {
            scheduler.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
