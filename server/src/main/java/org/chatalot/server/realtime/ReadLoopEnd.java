package org.chatalot.server.realtime;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Semaphore;

import io.helidon.common.concurrency.limits.Limit;
import io.helidon.webserver.ConnectionContext;
import io.helidon.webserver.http1.spi.Http1RoutedUpgrade;
import io.helidon.webserver.http1.spi.Http1UpgradeResult;
import io.helidon.webserver.spi.ServerConnection;

import org.chatalot.server.http.ConnectionContexts;

/**
 * Tells a WebSocket's listener when Helidon's read loop for it has ended, however it ended. When the peer
 * drops the TCP connection without a close frame, Helidon leaves the loop by throwing and calls neither
 * {@code onClose} nor {@code onError}; the only other way to notice at once is a thread per socket waiting
 * for the reader to end. This is the connection as the WebSocket sees it (the listener finds it as its
 * session's {@code socketContext()} and registers), and the upgraded connection is wrapped so that the end
 * of its {@code handle} runs what was registered, on the reader thread, before Helidon closes the socket.
 */
final class ReadLoopEnd extends ConnectionContexts.Forwarding {
    private volatile Runnable onEnd;

    ReadLoopEnd(ConnectionContext delegate) {
        super(delegate);
    }

    /** Runs {@code action} once the read loop has ended (at most once; a later call replaces it). */
    void onEnd(Runnable action) {
        onEnd = action;
    }

    Optional<Http1RoutedUpgrade> around(Optional<Http1RoutedUpgrade> upgrade) {
        return upgrade.map(routed -> (response, headers) -> {
            Http1UpgradeResult result = routed.upgrade(response, headers);
            return result.connection().map(this::around).map(Http1UpgradeResult::upgraded).orElse(result);
        });
    }

    ServerConnection around(ServerConnection connection) {
        return new ServerConnection() {
            @Override
            public void handle(Semaphore requestSemaphore) throws InterruptedException {
                try {
                    connection.handle(requestSemaphore);
                } finally {
                    ended();
                }
            }

            @Override
            public void handle(Limit limit) throws InterruptedException {
                try {
                    connection.handle(limit);
                } finally {
                    ended();
                }
            }

            @Override
            public Duration idleTime() {
                return connection.idleTime();
            }

            @Override
            public void close(boolean interrupt) {
                connection.close(interrupt);
            }
        };
    }

    private void ended() {
        Runnable action = onEnd;
        onEnd = null;
        if (action != null) {
            action.run();
        }
    }
}
