package org.chatalot.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import org.chatalot.server.config.ServerConfig;

class RateLimiterTest {
    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final RateLimiter limiter = new RateLimiter(new ServerConfig.RateLimit(2, 3), now::get);

    @Test
    void allowsTheBurstThenRefillsAtTheRate() {
        assertThat(limiter.acquire("a")).isZero();
        assertThat(limiter.acquire("a")).isZero();
        assertThat(limiter.acquire("a")).isZero();
        assertThat(limiter.acquire("a")).isEqualTo(1);

        now.addAndGet(500_000_000L);
        assertThat(limiter.acquire("a")).isZero();
        assertThat(limiter.acquire("a")).isEqualTo(1);
    }

    @Test
    void idleFullBucketsAreSweptSoSpoofedSourcesCannotGrowTheMap() {
        for (int i = 0; i < 500; i++) {
            limiter.acquire("10.0.0." + i);
        }
        assertThat(limiter.trackedKeys()).isEqualTo(500);

        now.addAndGet(60_000_000_000L);
        limiter.acquire("fresh");

        assertThat(limiter.trackedKeys()).isEqualTo(1);
    }
}
