package org.chatalot.server.http;

import java.util.Optional;
import java.util.concurrent.ExecutorService;

import io.helidon.common.buffers.DataReader;
import io.helidon.common.buffers.DataWriter;
import io.helidon.common.socket.HelidonSocket;
import io.helidon.common.socket.PeerInfo;
import io.helidon.webserver.ConnectionContext;
import io.helidon.webserver.ListenerContext;
import io.helidon.webserver.ProxyProtocolData;
import io.helidon.webserver.Router;

/**
 * A connection seen through another reader: how we look at (or change) the bytes a client sends before
 * Helidon parses them, where Helidon has no hook of its own. Everything but the reader is the connection's.
 */
public final class ConnectionContexts {
    private ConnectionContexts() {
    }

    /** {@code connection}, except that it reads through {@code reader}. */
    public static ConnectionContext withReader(ConnectionContext connection, DataReader reader) {
        return new WithReader(connection, reader);
    }

    private static final class WithReader implements ConnectionContext {
        private final ConnectionContext delegate;
        private final DataReader reader;

        WithReader(ConnectionContext delegate, DataReader reader) {
            this.delegate = delegate;
            this.reader = reader;
        }

        @Override
        public DataReader dataReader() {
            return reader;
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
        public DataWriter dataWriter() {
            return delegate.dataWriter();
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
}
