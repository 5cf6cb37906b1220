package org.chatalot.server.realtime;

import org.chatalot.server.config.ServerConfig;

/** One socket's allowance of frames: {@code burst} at once, refilled at {@code perSecond}. Not shared. */
final class TokenBucket {
    private final double perNano;
    private final int burst;
    private double tokens;
    private long updated;

    TokenBucket(ServerConfig.RateLimit limit, long now) {
        this.perNano = limit.perSecond() / 1e9;
        this.burst = limit.burst();
        this.tokens = burst;
        this.updated = now;
    }

    synchronized boolean tryTake(long now) {
        if (now > updated) {
            tokens = Math.min(burst, tokens + (now - updated) * perNano);
            updated = now;
        }
        if (tokens >= 1) {
            tokens -= 1;
            return true;
        }
        return false;
    }
}
