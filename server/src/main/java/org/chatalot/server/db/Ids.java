package org.chatalot.server.db;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Time-ordered UUIDs (version 7, RFC 9562): sorting ids sorts by creation time, which keeps indexes
 * compact and lets history pages use the id as a cursor. Ids made in the same millisecond still sort
 * in creation order because the 12-bit counter and random tail follow a monotonic sequence.
 */
public final class Ids {
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final AtomicLong last = new AtomicLong();

    public Ids(Clock clock) {
        this.clock = clock;
    }

    public UUID next() {
        long stamp = last.updateAndGet(previous -> {
            long now = clock.millis() << 12;
            return now > previous ? now : previous + 1;
        });
        long millis = stamp >>> 12;
        long counter = stamp & 0xFFF;
        long high = (millis << 16) | 0x7000L | counter;
        long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(high, low);
    }

    /** Orders ids as the database does: as two unsigned 64-bit numbers, most significant first. */
    public static int compare(UUID a, UUID b) {
        int high = Long.compareUnsigned(a.getMostSignificantBits(), b.getMostSignificantBits());
        return high != 0 ? high : Long.compareUnsigned(a.getLeastSignificantBits(), b.getLeastSignificantBits());
    }

    /** The smallest id that can have been made at or after {@code instant}: a lower bound for id ranges. */
    public static UUID lowestAt(java.time.Instant instant) {
        return new UUID((instant.toEpochMilli() << 16) | 0x7000L, 0x8000000000000000L);
    }
}
