package org.chatalot.server.maintenance;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Runs cleanup tasks on one background thread, each on its own interval. A failing task is logged and
 * tried again next time; it never stops the others.
 */
public final class Housekeeping implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(Housekeeping.class.getName());

    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "housekeeping");
        thread.setDaemon(true);
        return thread;
    });

    /** Schedules {@code task}, which returns how many things it removed (logged when not zero). */
    public void every(Duration interval, Duration firstDelay, String name, LongSupplier task) {
        scheduler.scheduleWithFixedDelay(() -> run(name, task), firstDelay.toMillis(), interval.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    private static void run(String name, LongSupplier task) {
        try {
            long removed = task.getAsLong();
            if (removed > 0) {
                LOG.log(System.Logger.Level.INFO, "Housekeeping: " + name + " removed " + removed);
            }
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "Housekeeping task " + name + " failed; will retry", e);
        }
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
