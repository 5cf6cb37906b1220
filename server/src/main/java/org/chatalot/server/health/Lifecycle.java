package org.chatalot.server.health;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * When the server started and whether it is stopping. Components that hold connections (the
 * WebSocket hub) register a hook to say goodbye to their clients before the listener closes.
 */
public final class Lifecycle {
    private static final System.Logger LOG = System.getLogger(Lifecycle.class.getName());

    private final Clock clock;
    private final Instant startedAt;
    private final List<Runnable> shutdownHooks = new CopyOnWriteArrayList<>();
    private volatile boolean shuttingDown;

    public Lifecycle(Clock clock) {
        this.clock = clock;
        this.startedAt = clock.instant();
    }

    public Duration uptime() {
        return Duration.between(startedAt, clock.instant());
    }

    public boolean isShuttingDown() {
        return shuttingDown;
    }

    public void onShutdown(Runnable hook) {
        shutdownHooks.add(hook);
    }

    /** Marks the server as stopping (readiness turns 503) and runs the hooks once, in order. */
    public void beginShutdown() {
        if (shuttingDown) {
            return;
        }
        shuttingDown = true;
        for (Runnable hook : shutdownHooks) {
            try {
                hook.run();
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "Shutdown step failed", e);
            }
        }
    }
}
