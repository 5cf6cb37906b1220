package org.chatalot.server.realtime;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Semaphore;

import io.helidon.common.buffers.DataReader;
import io.helidon.common.buffers.DataWriter;
import io.helidon.common.concurrency.limits.Limit;
import io.helidon.common.socket.HelidonSocket;
import io.helidon.common.socket.PeerInfo;
import io.helidon.webserver.ConnectionContext;
import io.helidon.webserver.ListenerContext;
import io.helidon.webserver.ProxyProtocolData;
import io.helidon.webserver.Router;
import io.helidon.webserver.http1.spi.Http1RoutedUpgrade;
import io.helidon.webserver.http1.spi.Http1UpgradeResult;
import io.helidon.webserver.spi.ServerConnection;

/**
 * Tells a WebSocket's listener when Helidon's read loop for it has ended, however it ended. When the peer
 * drops the TCP connection without a close frame, Helidon leaves the loop by throwing and calls neither
 * {@code onClose} nor {@code onError}; the only other way to notice at once is a thread per socket waiting
 * for the reader to end. This is the connection as the WebSocket sees it (the listener finds it as its
 * session's {@code socketContext()} and registers), and the upgraded connection is wrapped so that the end
 * of its {@code handle} runs what was registered, on the reader thread, before Helidon closes the socket.
 */
final class ReadLoopEnd implements ConnectionContext {
    private final ConnectionContext delegate;
    private volatile Runnable onEnd;

    ReadLoopEnd(ConnectionContext delegate) {
        this.delegate = delegate;
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

    @Override
    public DataReader dataReader() {
        return delegate.dataReader();
    }

    @Override
    public DataWriter dataWriter() {
        return delegate.dataWriter();
    }

    @Override
    public ListenerContext listenerContext() {
        return delegate.listenerContext();
    }

    @Override
    public ExecutorService executor() {
        return delegate.executor();
    }

    @Override
    public Router router() {
        return delegate.router();
    }

    @Override
    public Optional<ProxyProtocolData> proxyProtocolData() {
        return delegate.proxyProtocolData();
    }

    @Override
    public HelidonSocket serverSocket() {
        return delegate.serverSocket();
    }

    @Override
    public PeerInfo remotePeer() {
        return delegate.remotePeer();
    }

    @Override
    public PeerInfo localPeer() {
        return delegate.localPeer();
    }

    @Override
    public boolean isSecure() {
        return delegate.isSecure();
    }

    @Override
    public String socketId() {
        return delegate.socketId();
    }

    @Override
    public String childSocketId() {
        return delegate.childSocketId();
    }
}
