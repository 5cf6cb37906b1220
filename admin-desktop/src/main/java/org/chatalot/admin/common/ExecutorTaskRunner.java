package org.chatalot.admin.common;

import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The app's task runner: a small pool of daemon threads for blocking work, a watchdog that interrupts a task
 * after its time limit (HTTP calls carry their own timeouts too; this also bounds disk work and a stuck
 * refresh), and the UI executor ({@code Platform::runLater}) for the callbacks.
 */
public final class ExecutorTaskRunner implements TaskRunner, AutoCloseable {
    private static final Logger LOG = Logger.getLogger(ExecutorTaskRunner.class.getName());

    private final ExecutorService workers = Executors.newFixedThreadPool(4, daemon("admin-task"));
    private final ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor(daemon("admin-watch"));
    private final Executor uiThread;
    private final Duration timeLimit;
    private final AtomicReference<SessionGate> gate = new AtomicReference<>(SessionGate.NONE);

    public ExecutorTaskRunner(Executor uiThread, Duration timeLimit) {
        this.uiThread = uiThread;
        this.timeLimit = timeLimit;
    }

    public void setSessionGate(SessionGate value) {
        gate.set(value);
    }

    @Override
    public <T> TaskHandle run(String description, Work<T> work, Consumer<? super T> onSuccess,
                              Consumer<? super Throwable> onFailure) {
        AtomicBoolean cancelled = new AtomicBoolean();
        AtomicBoolean timedOut = new AtomicBoolean();
        if (workers.isShutdown()) {
            // the app is closing: a callback still queued on the UI thread asked for more work
            return TaskHandle.DONE;
        }
        Future<?> future;
        ScheduledFuture<?> limit;
        try {
            future = workers.submit(() -> execute(description, work, onSuccess, onFailure, cancelled, timedOut));
            limit = watchdog.schedule(() -> {
                timedOut.set(true);
                future.cancel(true);
            }, timeLimit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            return TaskHandle.DONE;
        }
        return () -> {
            cancelled.set(true);
            future.cancel(true);
            limit.cancel(false);
        };
    }

    @Override
    public void onUiThread(Runnable update) {
        uiThread.execute(update);
    }

    private <T> void execute(String description, Work<T> work, Consumer<? super T> onSuccess,
                             Consumer<? super Throwable> onFailure, AtomicBoolean cancelled, AtomicBoolean timedOut) {
        try {
            T result = work.call();
            deliver(cancelled, () -> onSuccess.accept(result));
        } catch (InterruptedException | CancellationException e) {
            reportInterrupted(description, onFailure, cancelled, timedOut);
        } catch (Exception e) {
            Throwable failure = timedOut.get() ? timeout(description) : e;
            Runnable retry = () -> run(description, work, onSuccess, onFailure);
            uiThread.execute(() -> {
                if (!cancelled.get() && !gate.get().park(failure, retry)) {
                    onFailure.accept(failure);
                }
            });
        } catch (Error e) {
            LOG.log(Level.WARNING, description + " failed unexpectedly", e);
            deliver(cancelled, () -> onFailure.accept(e));
        }
    }

    private void reportInterrupted(String description, Consumer<? super Throwable> onFailure,
                                   AtomicBoolean cancelled, AtomicBoolean timedOut) {
        if (timedOut.get()) {
            deliver(cancelled, () -> onFailure.accept(timeout(description)));
        }
    }

    private TimeoutException timeout(String description) {
        return new TimeoutException(description + " took longer than " + timeLimit.toSeconds() + " s and was stopped");
    }

    private void deliver(AtomicBoolean cancelled, Runnable callback) {
        if (!cancelled.get()) {
            uiThread.execute(() -> {
                if (!cancelled.get()) {
                    callback.run();
                }
            });
        }
    }

    private static ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }

    @Override
    public void close() {
        workers.shutdownNow();
        watchdog.shutdownNow();
    }
}
