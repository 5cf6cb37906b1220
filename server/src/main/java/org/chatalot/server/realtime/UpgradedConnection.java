package org.chatalot.server.realtime;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Semaphore;

import io.helidon.common.buffers.DataReader;
import io.helidon.common.concurrency.limits.Limit;
import io.helidon.http.HttpPrologue;
import io.helidon.http.WritableHeaders;
import io.helidon.webserver.ConnectionContext;
import io.helidon.webserver.http1.spi.Http1RoutedUpgrade;
import io.helidon.webserver.http1.spi.Http1RoutedUpgrader;
import io.helidon.webserver.http1.spi.Http1UpgradeResult;
import io.helidon.webserver.http1.spi.Http1Upgrader;
import io.helidon.webserver.spi.ServerConnection;

import org.chatalot.server.http.ConnectionContexts;

/**
 * The connection as an upgraded WebSocket sees it. It reads the socket itself, through {@link Utf8FrameCheck}
 * (after any bytes the HTTP connection had already read past the upgrade request): the HTTP-phase readers
 * (the slow-client watch, the HTTP/1.0 patch) have nothing more to do, and each reader between Helidon's frame
 * reader and the socket would stay on the parked reader thread's stack, in the heap, for as long as the socket
 * is open.
 *
 * <p>It also tells the WebSocket's listener when Helidon's read loop has ended, however it ended. When the peer
 * drops the TCP connection without a close frame, Helidon leaves the loop by throwing and calls neither
 * {@code onClose} nor {@code onError}; the only other way to notice at once is a thread per socket waiting for
 * the reader to end. The listener finds this as its session's {@code socketContext()} and registers; the
 * upgraded connection is wrapped so that the end of its {@code handle} runs what was registered, on the reader
 * thread, before Helidon closes the socket.
 */
final class UpgradedConnection extends ConnectionContexts.Forwarding {
    private final DataReader reader;
    private volatile Runnable onEnd;
    private volatile String clientIp = "unknown";

    UpgradedConnection(ConnectionContext http) {
        super(http);
        Utf8FrameCheck frames = new Utf8FrameCheck(http.dataReader(), http.serverSocket());
        this.reader = DataReader.create(frames);
        frames.readBy(reader);
    }

    /** The WebSocket upgrade, with every upgraded connection seen as an {@code UpgradedConnection}. */
    static Http1RoutedUpgrader upgrader(Http1Upgrader webSocket) {
        Http1RoutedUpgrader delegate = (Http1RoutedUpgrader) webSocket;
        return new Http1RoutedUpgrader() {
            @Override
            public String supportedProtocol() {
                return delegate.supportedProtocol();
            }

            @Override
            public Optional<Http1RoutedUpgrade> routedUpgrade(ConnectionContext ctx, HttpPrologue prologue,
                                                              WritableHeaders<?> headers) {
                UpgradedConnection connection = new UpgradedConnection(ctx);
                return connection.around(delegate.routedUpgrade(connection, prologue, headers));
            }

            @Override
            public ServerConnection upgrade(ConnectionContext ctx, HttpPrologue prologue, WritableHeaders<?> headers) {
                UpgradedConnection connection = new UpgradedConnection(ctx);
                return connection.around(delegate.upgrade(connection, prologue, headers));
            }
        };
    }

    @Override
    public DataReader dataReader() {
        return reader;
    }

    /** The client's address, through any trusted proxy, as {@link OriginCheck} resolved it. */
    String clientIp() {
        return clientIp;
    }

    void clientIp(String address) {
        clientIp = address;
    }

    /** Runs {@code action} once the read loop has ended (at most once; a later call replaces it). */
    void onEnd(Runnable action) {
        onEnd = action;
    }

    private Optional<Http1RoutedUpgrade> around(Optional<Http1RoutedUpgrade> upgrade) {
        return upgrade.map(routed -> (response, headers) -> {
            Http1UpgradeResult result = routed.upgrade(response, headers);
            return result.connection().map(this::around).map(Http1UpgradeResult::upgraded).orElse(result);
        });
    }

    private ServerConnection around(ServerConnection connection) {
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
