package org.chatalot.server.realtime;

import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.chatalot.model.ws.ClientMessage;
import org.chatalot.model.ws.CloseCodes;
import org.chatalot.model.ws.ServerMessage;
import org.chatalot.model.ws.WsErrorCodes;
import org.chatalot.server.error.ServiceException;
import org.chatalot.server.http.TokenBucket;

/**
 * Where each socket plugs in: what happens when one opens, sends a frame, falls behind or ends. A frame goes to
 * the handshake until the socket has a session and to the dispatcher after; what the server sends goes out
 * through the delivery. It keeps no state of its own: sockets and sessions are in the {@link SessionRegistry}.
 */
public final class Hub {
    private static final System.Logger LOG = System.getLogger(Hub.class.getName());

    private final SessionRegistry sessions;
    private final Delivery delivery;
    private final Presence presence;
    private final Handshake handshake;
    private final Dispatcher dispatcher;
    private final Heartbeat heartbeat;
    private final Counter slowConsumers;

    public Hub(SessionRegistry sessions, Delivery delivery, Presence presence, Handshake handshake,
               Dispatcher dispatcher, Heartbeat heartbeat, MeterRegistry registry) {
        this.sessions = sessions;
        this.delivery = delivery;
        this.presence = presence;
        this.handshake = handshake;
        this.dispatcher = dispatcher;
        this.heartbeat = heartbeat;
        this.slowConsumers = Counter.builder("chatalot.ws.slow_consumers").register(registry);
    }

    /** A listener for one new socket (Helidon asks for one per upgrade). */
    Connection newConnection(TokenBucket bucket) {
        return new Connection(this, bucket, System.nanoTime());
    }

    Frames frames() {
        return delivery.frames();
    }

    void opened(Connection connection) {
        sessions.opened(connection);
    }

    void closed(Connection connection) {
        if (!sessions.closed(connection)) {
            return;
        }
        RealtimeSession session = connection.session();
        if (session != null && session.detach(connection, System.nanoTime())) {
            presence.socketsChanged(session.userId());
        }
    }

    void received(Connection connection, String text) {
        ClientMessage message;
        try {
            message = delivery.frames().parse(text);
        } catch (ServiceException e) {
            connection.sendError(WsErrorCodes.INVALID_MESSAGE, e.getMessage(), null);
            return;
        }
        RealtimeSession session = connection.session();
        if (session == null) {
            handshake.handle(connection, message);
        } else {
            dispatcher.handle(session, connection, message);
        }
    }

    void deliver(RealtimeSession session, ServerMessage message) {
        delivery.deliver(session, message);
    }

    void slowConsumer(Connection connection) {
        slowConsumers.increment();
        LOG.log(System.Logger.Level.INFO, "Closing slow WebSocket of " + connection.clientIp()
                + " (its session can resume)");
    }

    void scheduleAbort(Connection connection, Thread writer) {
        heartbeat.abortIfStuck(connection, writer);
    }

    /** A socket we are done with whose client has not closed it yet: a few seconds' grace, then it goes. */
    void dropIfStillOpen(Connection connection, Thread reader) {
        heartbeat.dropIfStillOpen(connection, reader);
    }

    /**
     * Server stopping, the heartbeat stopped first: every socket is told to go away (clients reconnect and
     * resume elsewhere or later).
     */
    public void shutdown() {
        sessions.connections().forEach(c -> c.close(CloseCodes.GOING_AWAY, "server shutting down"));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
        while (!sessions.connections().isEmpty() && System.nanoTime() < deadline) {
            Thread.onSpinWait();
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
