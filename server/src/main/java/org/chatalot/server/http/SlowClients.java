package org.chatalot.server.http;

import java.io.UncheckedIOException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

import io.helidon.common.buffers.BufferData;
import io.helidon.common.buffers.DataReader;
import io.helidon.common.socket.HelidonSocket;
import io.helidon.http.Headers;
import io.helidon.http.HttpPrologue;
import io.helidon.http.Status;
import io.helidon.webserver.ConnectionContext;
import io.helidon.webserver.ServerConnectionException;
import io.helidon.webserver.http1.Http1Config;
import io.helidon.webserver.http1.Http1ConnectionListener;
import io.helidon.webserver.spi.ServerConnection;
import io.helidon.webserver.spi.ServerConnectionSelector;

import org.chatalot.server.config.ServerConfig;

/**
 * How long a client may keep a connection of the public listener waiting on it. Helidon's own idle check
 * only interrupts a connection between requests, so a client that sends a request's headers or body a byte
 * at a time (slowloris), or connects and sends nothing, could hold a connection, its thread and its buffers
 * for ever. Here every connection reads through a clock that counts the time spent waiting for the client:
 * <ul>
 *   <li>between requests (or before the first), at most the idle timeout, then the connection is closed;</li>
 *   <li>from a request's first byte to the end of its headers, at most the header timeout;</li>
 *   <li>while its body is read, at most the body timeout plus one second per KiB received;</li>
 * </ul>
 * a request over its time is answered 408 and the connection closed. Time the server itself spends (a
 * handler at work, a busy CPU) is not counted, only reads that wait for the network. A connection upgraded
 * to a WebSocket leaves this: the WebSocket has its own timeouts (authentication, pings, close).
 *
 * <p>{@link #watching} is meant to be the listener's only connection selector, so that Helidon hands it each
 * connection before reading a byte (with several, Helidon reads to choose, with no time limit). Request
 * boundaries come from Helidon's HTTP/1 listeners, which {@link #http1Config()} installs: the request line
 * and headers as they are read, the answer's status as it is sent. A connection is forgotten when it is
 * upgraded, or at the watchdog's next round once its socket is closed: nothing of this stays on the stack of
 * a connection's thread (a WebSocket keeps that thread, parked, for as long as it is open).
 */
public final class SlowClients implements AutoCloseable {
    static final long BODY_BYTES_PER_SECOND = 1024;
    static final int MAX_HEADERS_BYTES = 16 * 1024;
    private static final System.Logger LOG = System.getLogger(SlowClients.class.getName());

    private final ServerConfig.Connections limits;
    private final ErrorResponses errors;
    private final LongSupplier clock = System::nanoTime;
    private final ConcurrentHashMap<ConnectionContext, Guard> guards = new ConcurrentHashMap<>();
    private final ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "http-slow-clients");
        thread.setDaemon(true);
        return thread;
    });

    public SlowClients(ServerConfig.Connections limits, ErrorResponses errors) {
        this.limits = limits;
        this.errors = errors;
        long period = Math.clamp(limits.headerTimeout().toMillis() / 4, 100, 1000);
        watchdog.scheduleWithFixedDelay(this::check, period, period, TimeUnit.MILLISECONDS);
    }

    /**
     * HTTP/1 settings for the public listener: Helidon's limits on the request line and headers, stated, and
     * the listeners that tell this where each request starts and ends.
     */
    public Http1Config http1Config() {
        return Http1Config.builder()
                .maxPrologueLength(Http10Compatibility.MAX_FIRST_LINE)
                .maxHeadersSize(MAX_HEADERS_BYTES)
                .addReceiveListener(new Http1ConnectionListener() {
                    @Override
                    public void prologue(ConnectionContext ctx, HttpPrologue prologue) {
                        on(ctx, Phase.HEAD);
                    }

                    @Override
                    public void headers(ConnectionContext ctx, Headers headers) {
                        on(ctx, Phase.BODY);
                    }
                })
                .addSendListener(new Http1ConnectionListener() {
                    @Override
                    public void status(ConnectionContext ctx, Status status) {
                        on(ctx, status.code() == Status.SWITCHING_PROTOCOLS_101.code() ? Phase.UPGRADED
                                : Phase.WAITING);
                    }
                })
                .build();
    }

    /**
     * The connection selector for the listener: every connection is served by {@code http1} (built with
     * {@link #http1Config()}), reading through this watch and through {@link Http10Compatibility}.
     */
    public ServerConnectionSelector watching(ServerConnectionSelector http1) {
        return new ServerConnectionSelector() {
            @Override
            public int bytesToIdentifyConnection() {
                return 0;
            }

            @Override
            public Support supports(BufferData request) {
                return Support.SUPPORTED;
            }

            @Override
            public Set<String> supportedApplicationProtocols() {
                return http1.supportedApplicationProtocols();
            }

            @Override
            public ServerConnection connection(ConnectionContext ctx) {
                // The watch reads the socket itself, so that it sees each byte as it comes (the HTTP/1.0 patch
                // above it holds the first line back until it is whole).
                Guard guard = new Guard(ctx);
                ConnectionContext served = ConnectionContexts.withReader(ctx,
                        DataReaders.unlinking(new Http10Compatibility(guard)));
                guard.connection = http1.connection(served);
                guards.put(served, guard);
                return guard.connection;
            }
        };
    }

    /** Connections this is watching now (upgraded and closed ones are not, once the watchdog has been round). */
    int watched() {
        return guards.size();
    }

    @Override
    public void close() {
        watchdog.shutdownNow();
    }

    private void on(ConnectionContext ctx, Phase next) {
        Guard guard = guards.get(ctx);
        if (guard == null) {
            return;
        }
        if (next == Phase.UPGRADED) {
            guards.remove(ctx);
        }
        guard.enter(next);
    }

    private void check() {
        long now = clock.getAsLong();
        guards.values().removeIf(Guard::hasEnded);
        for (Guard guard : guards.values()) {
            try {
                check(guard, now);
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "Checking a connection's timeouts failed", e);
            }
        }
    }

    private void check(Guard guard, long now) {
        long since = guard.readingSince;
        long blockedBefore = guard.blockedNanos;
        if (since == 0 || since != guard.readingSince) {
            return;
        }
        long waited = now - since;
        switch (guard.phase) {
            case WAITING -> {
                if (waited > limits.idleTimeout().toNanos()) {
                    expire(guard, null);
                }
            }
            case HEAD -> {
                if (blockedBefore + waited > limits.headerTimeout().toNanos()) {
                    expire(guard, "the request's headers did not arrive within "
                            + limits.headerTimeout().toSeconds() + " s");
                }
            }
            case BODY -> {
                long allowance = limits.bodyTimeout().toNanos()
                        + TimeUnit.SECONDS.toNanos(1) * guard.bodyBytes / BODY_BYTES_PER_SECOND;
                if (blockedBefore + waited > allowance) {
                    expire(guard, "the request's body arrived too slowly (under 1 KiB/s)");
                }
            }
            case UPGRADED -> {
                // a WebSocket now: its own timeouts apply
            }
        }
    }

    /** Answers 408 (unless the connection was merely idle) and closes the connection. */
    private void expire(Guard guard, String why) {
        if (!guard.expired.compareAndSet(false, true)) {
            return;
        }
        if (why != null) {
            try {
                guard.raw.dataWriter().writeNow(BufferData.create(errors.requestTimeout(why)));
            } catch (RuntimeException e) {
                // the client is gone already; closing is all that is left
            }
        }
        // Interrupting the connection's reader closes the channel it waits on.
        guard.connection.close(true);
    }

    enum Phase {
        /** Between requests, or before the first. */
        WAITING,
        /** A request's line and headers are arriving. */
        HEAD,
        /** The headers are in; a body (if any) is being read and the request handled. */
        BODY,
        /** Switched to another protocol (WebSocket). */
        UPGRADED
    }

    /** One connection's clock: reads through it record how long they waited for the client. */
    private final class Guard implements Supplier<byte[]> {
        private final ConnectionContext raw;
        private final DataReader source;
        /** The connection's socket, read as Helidon's own reader reads it. */
        private final HelidonSocket socket;
        private final AtomicBoolean expired = new AtomicBoolean();
        private volatile ServerConnection connection;
        private volatile Phase phase = Phase.WAITING;
        /** When the read now waiting for the client began; 0 while none is. */
        private volatile long readingSince;
        /** Time the finished reads of this phase waited; written by the connection's thread only. */
        private volatile long blockedNanos;
        private volatile long bodyBytes;

        /** {@code raw}: a connection of Helidon's listener, which always has its socket. */
        Guard(ConnectionContext raw) {
            this.raw = raw;
            this.source = raw.dataReader();
            this.socket = raw.serverSocket();
        }

        /**
         * Hands on each array the socket read, as it is. Copying it out of Helidon's reader (and again in the
         * HTTP/1.0 patch) allocated twice the body of every upload, which the collector answered by growing the
         * heap: 50 MiB more memory during a 100 MB upload. Only bytes Helidon read before this watch took
         * over, if any, come out of its reader.
         */
        @Override
        public byte[] get() {
            long start = clock.getAsLong();
            readingSince = start;
            byte[] bytes;
            try {
                bytes = source.available() > 0 ? source.readBytes(source.available()) : read(socket);
            } finally {
                readingSince = 0;
                blockedNanos += clock.getAsLong() - start;
            }
            if (phase == Phase.WAITING) {
                enter(Phase.HEAD);
            } else if (phase == Phase.BODY && bytes != null) {
                bodyBytes += bytes.length;
            }
            return bytes;
        }

        /** Helidon closes the socket however the connection ends. */
        boolean hasEnded() {
            return !socket.isConnected();
        }

        /** Moves to {@code next}; the time and bytes counted start again. */
        void enter(Phase next) {
            if (phase == next || phase == Phase.UPGRADED) {
                return;
            }
            blockedNanos = 0;
            bodyBytes = 0;
            phase = next;
        }
    }

    /** Reads as Helidon's ConnectionHandler does: an I/O failure ends the connection (ServerConnectionException). */
    private static byte[] read(HelidonSocket socket) {
        try {
            return socket.get();
        } catch (UncheckedIOException e) {
            throw new ServerConnectionException("Failed to get data from socket", e);
        }
    }
}
