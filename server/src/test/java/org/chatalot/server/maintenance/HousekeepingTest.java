package org.chatalot.server.maintenance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

/**
 * A periodic task that lets anything escape is silently never run again by its scheduler: an Error in a
 * clean-up job would have stopped that job for good, with nothing in health to show it.
 */
class HousekeepingTest {

    @Test
    void aTaskThatFailsEvenWithAnErrorRunsAgainNextTime() throws InterruptedException {
        AtomicInteger runs = new AtomicInteger();
        CountDownLatch ranAfterFailures = new CountDownLatch(1);
        try (Housekeeping housekeeping = new Housekeeping()) {
            housekeeping.every(Duration.ofMillis(10), Duration.ZERO, "failing job", () -> {
                int run = runs.incrementAndGet();
                if (run == 1) {
                    throw new StackOverflowError("first run");
                }
                if (run == 2) {
                    throw new IllegalStateException("second run");
                }
                ranAfterFailures.countDown();
                return 0;
            });

            assertThat(ranAfterFailures.await(30, TimeUnit.SECONDS)).as("ran again after an Error and an exception")
                    .isTrue();
        }
    }
}
