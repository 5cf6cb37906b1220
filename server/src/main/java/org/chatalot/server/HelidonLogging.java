package org.chatalot.server;

import io.helidon.logging.common.spi.LoggingProvider;

/**
 * Tells Helidon that logging is configured (by {@link LogSetup}); without a provider it prints a
 * warning on every start.
 */
public final class HelidonLogging implements LoggingProvider {

    @Override
    public void initialization() {
        // LogSetup configures java.util.logging from LOG_LEVEL before the server starts
    }

    @Override
    public void runTime() {
        // nothing to reconfigure: we do not run as a native image
    }
}
