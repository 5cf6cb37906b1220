package org.chatalot.server.maintenance;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.LongSupplier;

/**
 * Runs cleanup tasks on one background thread, each on its own interval. A failing task is logged and
 * tried again next time; it never stops the others. That holds for an {@link Error} too: a scheduled task
 * that lets anything escape is silently never run again, so nothing may.
 */
public final class Housekeeping implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(Housekeeping.class.getName());

    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "housekeeping");
        thread.setDaemon(true);
        return thread;
    });
    private final Map<String, LongSupplier> tasks = new ConcurrentHashMap<>();

    /** Schedules {@code task}, which returns how many things it removed (logged when not zero). */
    public void every(Duration interval, Duration firstDelay, String name, LongSupplier task) {
        tasks.put(name, task);
        scheduler.scheduleWithFixedDelay(() -> run(name, task), firstDelay.toMillis(), interval.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    /**
     * Runs the task named {@code name} now, on the housekeeping thread (so never at the same time as its scheduled
     * run), and waits for it: how a test that moved the server's clock makes a day's work happen without waiting
     * for the timer. Returns what the task returned.
     */
    public long runNow(String name, Duration limit) throws InterruptedException, TimeoutException {
        LongSupplier task = tasks.get(name);
        if (task == null) {
            throw new IllegalArgumentException("no housekeeping task named " + name + "; known: " + tasks.keySet());
        }
        try {
            return scheduler.submit(task::getAsLong).get(limit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException("housekeeping task " + name + " failed", e.getCause());
        }
    }

    private static void run(String name, LongSupplier task) {
        try {
            long removed = task.getAsLong();
            if (removed > 0) {
                LOG.log(System.Logger.Level.INFO, "Housekeeping: " + name + " removed " + removed);
            }
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "Housekeeping task " + name + " failed; will retry", e);
        } catch (Throwable e) {
            LOG.log(System.Logger.Level.ERROR, "Housekeeping task " + name + " failed badly; will retry", e);
        }
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
