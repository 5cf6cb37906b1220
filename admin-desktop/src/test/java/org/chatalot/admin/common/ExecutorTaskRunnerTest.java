package org.chatalot.admin.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The app's real runner: work off the calling thread, a time limit, cancellation, the session-expiry gate. */
class ExecutorTaskRunnerTest {
    /**
     * A limit no test reaches on a busy machine: with 300 ms, a trivial task that was slow to be scheduled
     * timed out, and a cancel that came late raced the time-out's callback. Only the time-out test is short.
     */
    private final ExecutorTaskRunner runner = new ExecutorTaskRunner(Runnable::run, Duration.ofSeconds(60));
    private final ExecutorTaskRunner shortLimit = new ExecutorTaskRunner(Runnable::run, Duration.ofMillis(300));

    @AfterEach
    void close() {
        runner.close();
        shortLimit.close();
    }

    @Test
    void workRunsOffTheCallingThreadAndReportsItsResult() throws Exception {
        CountDownLatch done = new CountDownLatch(1);
        AtomicReference<String> thread = new AtomicReference<>();
        runner.run("name", () -> Thread.currentThread().getName(), name -> {
            thread.set(name);
            done.countDown();
        }, failure -> { });
        assertThat(done.await(30, TimeUnit.SECONDS)).isTrue();
        assertThat(thread.get()).isEqualTo("admin-task").isNotEqualTo(Thread.currentThread().getName());
    }

    @Test
    void workPastTheTimeLimitIsStoppedAndReportedAsATimeout() throws Exception {
        CountDownLatch failed = new CountDownLatch(1);
        AtomicReference<Throwable> error = new AtomicReference<>();
        shortLimit.run("Slow call", () -> {
            Thread.sleep(60_000);
            return "late";
        }, result -> { }, failure -> {
            error.set(failure);
            failed.countDown();
        });
        assertThat(failed.await(30, TimeUnit.SECONDS)).isTrue();
        assertThat(error.get()).isInstanceOf(TimeoutException.class).hasMessageContaining("Slow call");
    }

    @Test
    void cancelledWorkCallsNeitherCallback() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch called = new CountDownLatch(1);
        TaskHandle handle = runner.run("cancel me", () -> {
            started.countDown();
            Thread.sleep(200);
            return "x";
        }, result -> called.countDown(), failure -> called.countDown());
        assertThat(started.await(30, TimeUnit.SECONDS)).isTrue();
        handle.cancel();
        assertThat(called.await(600, TimeUnit.MILLISECONDS)).isFalse();
    }

    @Test
    void anEndedSessionIsParkedAndRunsAgainWhenReleased() throws Exception {
        AtomicReference<Runnable> parked = new AtomicReference<>();
        CountDownLatch parkedLatch = new CountDownLatch(1);
        runner.setSessionGate((failure, retry) -> {
            if (!(failure instanceof SessionExpiredException)) {
                return false;
            }
            parked.set(retry);
            parkedLatch.countDown();
            return true;
        });
        int[] attempts = {0};
        CountDownLatch succeeded = new CountDownLatch(1);
        runner.run("needs a session", () -> {
            if (attempts[0]++ == 0) {
                throw new SessionExpiredException("ended");
            }
            return "ok";
        }, result -> succeeded.countDown(), failure -> { });
        assertThat(parkedLatch.await(30, TimeUnit.SECONDS)).isTrue();
        assertThat(succeeded.getCount()).isEqualTo(1);
        parked.get().run();
        assertThat(succeeded.await(30, TimeUnit.SECONDS)).isTrue();
    }
}
