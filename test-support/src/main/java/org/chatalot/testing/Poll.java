package org.chatalot.testing;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waiting for an external process to reach a state we cannot get a callback for (a port, a file). */
public final class Poll {

    private Poll() {
    }

    /** True as soon as {@code condition} holds, false when {@code timeout} passes first. */
    public static boolean until(BooleanSupplier condition, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return true;
            }
            pause(Duration.ofMillis(50));
        }
        return condition.getAsBoolean();
    }

    static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
