package org.chatalot.server.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.chatalot.server.db.Rows;
import org.chatalot.server.db.Sql;
import org.chatalot.server.error.TooMany;

/**
 * Locks a username for 15 minutes after 10 failed attempts (wrong password, wrong TOTP, wrong recovery
 * code). Counted per username whether or not the account exists, and stored in the database, so neither
 * the lock nor its message reveals which usernames exist, and a restart does not reset it.
 */
public final class LoginThrottle {
    public static final int MAX_FAILURES = 10;
    public static final Duration LOCK = Duration.ofMinutes(15);
    /** The width of login_throttle.username_key: the longest (lower-cased) username a login may name. */
    static final int MAX_KEY_LENGTH = 254;

    private final Sql sql;
    private final Clock clock;

    public LoginThrottle(Sql sql, Clock clock) {
        this.sql = sql;
        this.clock = clock;
    }

    /** Throws 429 {@code account_locked} while the username is locked. */
    public void checkNotLocked(String usernameKey) {
        Instant now = clock.instant();
        sql.one("throttle-get", row -> Rows.instant(row, "LOCKED_UNTIL"), usernameKey)
                .filter(until -> until != null && until.isAfter(now))
                .ifPresent(until -> {
                    throw locked(Duration.between(now, until));
                });
    }

    /** Counts a failure; returns true when this failure locked the username. */
    public boolean recordFailure(String usernameKey) {
        Instant now = clock.instant();
        return sql.inTransaction(tx -> {
            int failures = tx.one("throttle-get", row -> Rows.instant(row, "LOCKED_UNTIL") != null
                            && Rows.instant(row, "LOCKED_UNTIL").isAfter(now) ? MAX_FAILURES
                            : Rows.intValue(row, "FAILURES"), usernameKey).orElse(0) + 1;
            boolean lockNow = failures >= MAX_FAILURES;
            tx.update("throttle-put", usernameKey, lockNow ? 0 : failures, lockNow ? now.plus(LOCK) : null, now);
            return lockNow;
        });
    }

    public void clear(String usernameKey) {
        sql.update("throttle-clear", usernameKey);
    }

    /** Forgets old failures and expired locks. */
    public long prune() {
        Instant now = clock.instant();
        return sql.update("throttle-prune", now.minus(Duration.ofDays(1)), now);
    }

    static TooMany locked(Duration remaining) {
        long minutes = Math.max(1, (remaining.toSeconds() + 59) / 60);
        return new TooMany("account_locked", "too many failed sign-in attempts for this username; try again in "
                + minutes + " minute" + (minutes == 1 ? "" : "s"), remaining.toSeconds());
    }
}
