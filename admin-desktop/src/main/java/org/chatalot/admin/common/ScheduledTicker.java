package org.chatalot.admin.common;

import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/** The app's ticker: one daemon timer thread that hops onto the UI thread for each tick. */
public final class ScheduledTicker implements Ticker, AutoCloseable {
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "admin-ticker");
        thread.setDaemon(true);
        return thread;
    });
    private final Executor uiThread;

    public ScheduledTicker(Executor uiThread) {
        this.uiThread = uiThread;
    }

    @Override
    public TaskHandle every(Duration period, Runnable onUiThread) {
        if (timer.isShutdown()) {
            return TaskHandle.DONE;
        }
        try {
            ScheduledFuture<?> future = timer.scheduleAtFixedRate(() -> uiThread.execute(onUiThread),
                    period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
            return () -> future.cancel(false);
        } catch (RejectedExecutionException e) {
            // closed meanwhile: the app is going away
            return TaskHandle.DONE;
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
