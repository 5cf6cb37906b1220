package org.chatalot.server.db;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import org.chatalot.server.error.ServiceException;

/**
 * Whether the database is taking writes: every write through {@link Sql} reports here, and the last one
 * that failed for a storage reason (a full disk, an I/O error, a closed database) keeps health red until
 * a write succeeds again. A database that answers {@code SELECT 1} but stores nothing is not healthy.
 *
 * <p>Failures the client caused or the database refused by design (constraint violations, bad values,
 * lock timeouts, our own typed errors) say nothing about storage and are not counted.
 */
public final class WriteFailures {
    private final Clock clock;
    private final AtomicReference<Failure> last = new AtomicReference<>();

    /** The latest storage failure: when, and the database's own words. */
    public record Failure(Instant at, String reason) {
    }

    public WriteFailures(Clock clock) {
        this.clock = clock;
    }

    void succeeded() {
        if (last.get() != null) {
            last.set(null);
        }
    }

    void failed(Throwable cause) {
        last.set(new Failure(clock.instant(), Database.rootMessage(cause)));
    }

    /** The failure since which no write has succeeded, if any. */
    public Optional<Failure> failing() {
        return Optional.ofNullable(last.get());
    }

    /** True when {@code e} means the database could not store (rather than refused the change). */
    static boolean isStorageFailure(Throwable e) {
        if (e instanceof ServiceException) {
            return false;
        }
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql) {
                return !isRefusal(sql.getSQLState());
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }

    /** Data (22), integrity (23), syntax (42), rollback (40) and lock timeout (HYT00): not storage. */
    private static boolean isRefusal(String state) {
        return state != null && (state.startsWith("22") || state.startsWith("23") || state.startsWith("42")
                || state.startsWith("40") || state.equals("HYT00"));
    }
}
