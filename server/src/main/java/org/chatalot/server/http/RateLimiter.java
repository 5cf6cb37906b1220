package org.chatalot.server.http;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

import org.chatalot.server.config.ServerConfig;

/**
 * Token buckets keyed by client (an IP, a socket, a user): {@code burst} requests at once, refilled at
 * {@code perSecond}. Idle full buckets are swept so the map cannot grow without bound under a spray of
 * source addresses.
 */
public final class RateLimiter {
    private static final long SWEEP_INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(30);
    private static final int SWEEP_SIZE_TRIGGER = 10_000;

    private final double perNano;
    private final int burst;
    private final LongSupplier nanoClock;
    private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();
    private volatile long lastSweep;

    public RateLimiter(ServerConfig.RateLimit limit, LongSupplier nanoClock) {
        this.perNano = limit.perSecond() / 1e9;
        this.burst = limit.burst();
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
        Bucket bucket = buckets.computeIfAbsent(key, k -> new Bucket(burst, now));
        long waitNanos = bucket.take(now, perNano, burst);
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
        buckets.entrySet().removeIf(entry -> entry.getValue().isFullAt(now, perNano, burst));
    }

    private static final class Bucket {
        private double tokens;
        private long updated;

        Bucket(double tokens, long now) {
            this.tokens = tokens;
            this.updated = now;
        }

        synchronized long take(long now, double perNano, int burst) {
            refill(now, perNano, burst);
            if (tokens >= 1) {
                tokens -= 1;
                return 0;
            }
            return (long) Math.ceil((1 - tokens) / perNano);
        }

        synchronized boolean isFullAt(long now, double perNano, int burst) {
            refill(now, perNano, burst);
            return tokens >= burst;
        }

        private void refill(long now, double perNano, int burst) {
            if (now > updated) {
                tokens = Math.min(burst, tokens + (now - updated) * perNano);
                updated = now;
            }
        }
    }
}
