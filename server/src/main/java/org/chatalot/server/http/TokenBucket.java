package org.chatalot.server.http;

import org.chatalot.server.config.ServerConfig;

/**
 * One allowance: {@code burst} takes at once, refilled continuously at {@code perSecond}. The one token
 * bucket of the server: {@link RateLimiter} keeps one per client key for HTTP, and each WebSocket keeps one
 * for its frames. Time is passed in (nanoseconds from one monotonic clock), so callers and tests choose it;
 * a clock that steps back adds nothing.
 */
public final class TokenBucket {
    private final double perNano;
    private final int burst;
    private double tokens;
    private long updated;

    /** A full bucket as of {@code now}. */
    public TokenBucket(ServerConfig.RateLimit limit, long now) {
        if (limit.perSecond() <= 0 || limit.burst() < 1) {
            throw new IllegalArgumentException("a rate limit needs a positive rate and a burst of at least 1");
        }
        this.perNano = limit.perSecond() / 1e9;
        this.burst = limit.burst();
        this.tokens = burst;
        this.updated = now;
    }

    /** Takes one token if there is one; returns 0 when taken, else the nanoseconds until one will be. */
    public synchronized long take(long now) {
        refill(now);
        if (tokens >= 1) {
            tokens -= 1;
            return 0;
        }
        return Math.max(1, (long) Math.ceil((1 - tokens) / perNano));
    }

    /** {@link #take}, as a question: was a token taken? */
    public boolean tryTake(long now) {
        return take(now) == 0;
    }

    /** True when the bucket is back to its full burst: nothing is left to remember about its user. */
    public synchronized boolean isFullAt(long now) {
        refill(now);
        return tokens >= burst;
    }

    private void refill(long now) {
        if (now > updated) {
            tokens = Math.min(burst, tokens + (now - updated) * perNano);
            updated = now;
        }
    }
}
