package org.chatalot.server.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import org.chatalot.server.config.ServerConfig;

class TokenBucketTest {
    private static final long START = 5_000_000_000L;
    private static final long SECOND = TimeUnit.SECONDS.toNanos(1);

    @Test
    void aFullBucketGivesItsBurstAtOnceThenRefuses() {
        TokenBucket bucket = new TokenBucket(new ServerConfig.RateLimit(10, 3), START);

        assertThat(bucket.tryTake(START)).isTrue();
        assertThat(bucket.tryTake(START)).isTrue();
        assertThat(bucket.tryTake(START)).isTrue();
        assertThat(bucket.tryTake(START)).isFalse();
    }

    @Test
    void tokensComeBackAtTheRateAndTheWaitSaysWhen() {
        TokenBucket bucket = new TokenBucket(new ServerConfig.RateLimit(4, 1), START);
        bucket.take(START);

        assertThat(bucket.take(START)).isEqualTo(SECOND / 4);
        assertThat(bucket.take(START + SECOND / 8)).isEqualTo(SECOND / 8);
        assertThat(bucket.take(START + SECOND / 4)).isZero();
    }

    @Test
    void aLongIdleRefillsOnlyUpToTheBurst() {
        TokenBucket bucket = new TokenBucket(new ServerConfig.RateLimit(100, 2), START);
        bucket.take(START);
        bucket.take(START);
        long muchLater = START + 3_600 * SECOND;

        assertThat(bucket.isFullAt(muchLater)).isTrue();
        assertThat(bucket.tryTake(muchLater)).isTrue();
        assertThat(bucket.tryTake(muchLater)).isTrue();
        assertThat(bucket.tryTake(muchLater)).isFalse();
    }

    @Test
    void slowRatesBelowOnePerSecondWork() {
        // Uploads: 30 a minute is half a token per second.
        TokenBucket bucket = new TokenBucket(new ServerConfig.RateLimit(0.5, 1), START);
        bucket.take(START);

        assertThat(bucket.take(START)).isEqualTo(2 * SECOND);
        assertThat(bucket.tryTake(START + 2 * SECOND)).isTrue();
    }

    @Test
    void aClockThatStepsBackAddsNothing() {
        TokenBucket bucket = new TokenBucket(new ServerConfig.RateLimit(10, 1), START);
        bucket.take(START);

        assertThat(bucket.tryTake(START - 60 * SECOND)).isFalse();
        assertThat(bucket.tryTake(START)).isFalse();
        assertThat(bucket.tryTake(START + SECOND / 10)).isTrue();
    }

    @Test
    void isFullOnlyOnceEveryTokenIsBack() {
        TokenBucket bucket = new TokenBucket(new ServerConfig.RateLimit(1, 2), START);
        bucket.take(START);

        assertThat(bucket.isFullAt(START + SECOND / 2)).isFalse();
        assertThat(bucket.isFullAt(START + SECOND)).isTrue();
    }

    @Test
    void aBucketThatCouldNeverRefillIsRefused() {
        assertThatThrownBy(() -> new TokenBucket(new ServerConfig.RateLimit(0, 5), START))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TokenBucket(new ServerConfig.RateLimit(1, 0), START))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
