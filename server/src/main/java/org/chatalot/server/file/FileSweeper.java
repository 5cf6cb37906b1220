package org.chatalot.server.file;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Housekeeping for files: uploads never attached to a message within a day, files of deleted channels,
 * temp files of uploads a crash interrupted, and stored files whose row is gone. Rows go first and content
 * after, so a download never finds a row without its file.
 */
public final class FileSweeper {
    /** An upload nobody attached within this time is taken as abandoned. */
    public static final Duration UNATTACHED_TTL = Duration.ofDays(1);
    /** Temp and stray files younger than this may belong to an upload still finishing. */
    static final Duration IN_FLIGHT_GRACE = Duration.ofHours(1);
    private static final int BATCH = 500;

    private final FileRepository files;
    private final FileStore store;
    private final Clock clock;

    public FileSweeper(FileRepository files, FileStore store, Clock clock) {
        this.files = files;
        this.store = store;
        this.clock = clock;
    }

    /** Unattached uploads older than a day, files of deleted channels, and stale temp files; returns how many. */
    public long removeAbandoned() {
        Instant now = clock.instant();
        long removed = sweep(() -> files.unattachedBefore(now.minus(UNATTACHED_TTL), BATCH), files::deleteUnattached);
        removed += sweep(() -> files.inDeletedChannels(BATCH), files::delete);
        return removed + store.removeIncomingOlderThan(now.minus(IN_FLIGHT_GRACE));
    }

    /** Stored files with no row (a crash between rename and insert, a failed removal); returns how many. */
    public long removeStrays() {
        return store.removeStrays(clock.instant().minus(IN_FLIGHT_GRACE), files::exists);
    }

    /** Deletes batch after batch of rows, then their content; stops when a batch removes nothing new. */
    private long sweep(Supplier<List<UUID>> candidates, Predicate<UUID> deleteRow) {
        long removed = 0;
        while (true) {
            List<UUID> batch = candidates.get();
            long before = removed;
            for (UUID id : batch) {
                if (deleteRow.test(id)) {
                    store.remove(id);
                    removed++;
                }
            }
            if (batch.size() < BATCH || removed == before) {
                return removed;
            }
        }
    }
}
