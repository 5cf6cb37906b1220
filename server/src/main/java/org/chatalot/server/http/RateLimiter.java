package org.chatalot.server.http;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

import org.chatalot.server.config.ServerConfig;

/**
 * {@link TokenBucket}s keyed by client (an IP, a user): {@code burst} requests at once, refilled at
 * {@code perSecond}. Idle full buckets are swept so the map cannot grow without bound under a spray of
 * source addresses.
 */
public final class RateLimiter {
    private static final long SWEEP_INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(30);
    private static final int SWEEP_SIZE_TRIGGER = 10_000;

    private final ServerConfig.RateLimit limit;
    private final LongSupplier nanoClock;
    private final ConcurrentHashMap<String, TokenBucket> buckets = new ConcurrentHashMap<>();
    private volatile long lastSweep;

    public RateLimiter(ServerConfig.RateLimit limit, LongSupplier nanoClock) {
        this.limit = limit;
        this.nanoClock = nanoClock;
        this.lastSweep = nanoClock.getAsLong();
    }

    public RateLimiter(ServerConfig.RateLimit limit) {
        this(limit, System::nanoTime);
    }

    /** Takes a token for {@code key}; returns 0 when allowed, else the whole seconds until one is free. */
    public long acquire(String key) {
        long now = nanoClock.getAsLong();
        sweepIfDue(now);
        long waitNanos = buckets.computeIfAbsent(key, k -> new TokenBucket(limit, now)).take(now);
        return waitNanos == 0 ? 0 : Math.max(1, (long) Math.ceil(waitNanos / 1e9));
    }

    int trackedKeys() {
        return buckets.size();
    }

    private void sweepIfDue(long now) {
        if (now - lastSweep < SWEEP_INTERVAL_NANOS && buckets.size() < SWEEP_SIZE_TRIGGER) {
            return;
        }
        lastSweep = now;
        buckets.values().removeIf(bucket -> bucket.isFullAt(now));
    }
}
