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
 * Connections wrapped where Helidon has no hook of its own: seen through another reader (how we look at, or
 * change, the bytes a client sends before Helidon parses them), or any other change a {@link Forwarding}
 * subclass makes. Everything not changed is the connection's.
 */
public final class ConnectionContexts {
    private ConnectionContexts() {
    }

    /** {@code connection}, except that it reads through {@code reader}. */
    public static ConnectionContext withReader(ConnectionContext connection, DataReader reader) {
        return new WithReader(connection, reader);
    }

    private static final class WithReader extends Forwarding {
        private final DataReader reader;

        WithReader(ConnectionContext delegate, DataReader reader) {
            super(delegate);
            this.reader = reader;
        }

        @Override
        public DataReader dataReader() {
            return reader;
        }
    }

    /** A connection that forwards every call to the one it wraps; a subclass changes what it needs. */
    public abstract static class Forwarding implements ConnectionContext {
        private final ConnectionContext delegate;

        protected Forwarding(ConnectionContext delegate) {
            this.delegate = delegate;
        }

        @Override
        public DataReader dataReader() {
            return delegate.dataReader();
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
