package org.chatalot.server;

import java.util.logging.LogManager;

/**
 * JUL's LogManager, except that it keeps its handlers while the JVM shuts down. The stock manager
 * removes them from its own shutdown hook, which races with ours, so "Shutting down … Stopped" could
 * vanish from the log exactly when an operator needs it. Installed by {@link Main} before any logging.
 */
public final class ServerLogManager extends LogManager {

    @Override
    public void reset() {
        if (isJvmShuttingDown()) {
            return;
        }
        super.reset();
    }

    private static boolean isJvmShuttingDown() {
        Thread probe = new Thread(() -> { });
        try {
            Runtime.getRuntime().addShutdownHook(probe);
            Runtime.getRuntime().removeShutdownHook(probe);
            return false;
        } catch (IllegalStateException e) {
            return true;
        }
    }
}
