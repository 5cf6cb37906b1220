package org.chatalot.bench.core;

import java.util.concurrent.locks.LockSupport;

/**
 * Open-loop pacing: the {@code n}th send of a run is due at {@code start + n × interval}, whatever the earlier
 * ones cost, so a slow server sees the offered rate, not a rate that slows down with it.
 */
public final class Pacing {
    private Pacing() {
    }

    /** Waits until the {@code n}th send is due (returns at once when it is late). */
    public static void awaitTurn(long start, long n, long intervalNanos) {
        long wait = start + n * intervalNanos - System.nanoTime();
        if (wait > 0) {
            LockSupport.parkNanos(wait);
        }
    }
}
