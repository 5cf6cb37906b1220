package org.chatalot.server.realtime;

import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import org.chatalot.model.ws.ClientMessage;
import org.chatalot.model.ws.CloseCodes;
import org.chatalot.model.ws.ServerMessage;
import org.chatalot.model.ws.WsErrorCodes;
import org.chatalot.server.auth.AccountEvents;
import org.chatalot.server.call.CallService;
import org.chatalot.server.call.Sockets;
import org.chatalot.server.channel.Memberships;
import org.chatalot.server.common.EventSink;
import org.chatalot.server.common.Principal;
import org.chatalot.server.common.TokenVerifier;
import org.chatalot.server.db.Ids;
import org.chatalot.server.error.ServiceException;
import org.chatalot.server.http.Json;
import org.chatalot.server.http.TokenBucket;

/**
 * The registry of sockets and sessions, and the one way events reach them. Fan-out serialises an event
 * once and, for each recipient session, numbers it and puts it on that socket's own queue: nothing here
 * blocks on a client. Membership is read from the live index at delivery time.
 */
public final class Hub implements EventSink, Sockets, AccountEvents.Listener {
    static final int MAX_SOCKETS_PER_USER = 8;
    /** Sessions per user, with or without a socket: each keeps up to 512 KiB of events for a resume. */
    static final int MAX_SESSIONS_PER_USER = 2 * MAX_SOCKETS_PER_USER;
    private static final System.Logger LOG = System.getLogger(Hub.class.getName());

    private final TokenVerifier tokens;
    private final Memberships memberships;
    private final Frames frames;
    private final Set<Connection> connections = ConcurrentHashMap.newKeySet();
    private final SessionRegistry sessions;
    private final Handshake handshake;
    private final Presence presence;
    private final Counter delivered;
    private final Counter slowConsumers;
    private Dispatcher dispatcher;
    private Heartbeat heartbeat;
    private CallService calls;

    public Hub(TokenVerifier tokens, Memberships memberships, Json json, Ids ids, String serverVersion,
               long pingIntervalSecs, MeterRegistry registry) {
        this.tokens = tokens;
        this.memberships = memberships;
        this.frames = new Frames(json);
        this.sessions = new SessionRegistry(registry);
        this.handshake = new Handshake(this, sessions, tokens, ids, serverVersion, pingIntervalSecs, registry);
        this.presence = new Presence(this);
        this.delivered = Counter.builder("chatalot.ws.events.delivered").register(registry);
        this.slowConsumers = Counter.builder("chatalot.ws.slow_consumers").register(registry);
        Gauge.builder("chatalot.ws.sockets", connections, Set::size).register(registry);
    }

    void start(Dispatcher dispatcher, Heartbeat heartbeat, CallService calls) {
        this.dispatcher = dispatcher;
        this.heartbeat = heartbeat;
        this.calls = calls;
    }

    Frames frames() {
        return frames;
    }

    Presence presence() {
        return presence;
    }

    public int openSockets() {
        return connections.size();
    }

    /** Realtime sessions, including those waiting to be resumed. */
    public int sessionCount() {
        return sessions.count();
    }

    /** Users with at least one open socket right now (a session waiting to resume does not count). */
    public int onlineUsers() {
        return sessions.onlineUsers();
    }

    // ---- sockets ---------------------------------------------------------------------------------------

    /** A listener for one new socket (Helidon asks for one per upgrade). */
    Connection newConnection(TokenBucket bucket) {
        return new Connection(this, bucket, System.nanoTime());
    }

    void opened(Connection connection) {
        connections.add(connection);
    }

    void closed(Connection connection) {
        if (!connections.remove(connection)) {
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
            message = frames.parse(text);
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

    // ---- delivery ---------------------------------------------------------------------------------------

    void deliver(RealtimeSession session, ServerMessage message) {
        session.deliver(frames.body(message), System.nanoTime());
        delivered.increment();
    }

    @Override
    public void toChannel(UUID channelId, ServerMessage event, Object except) {
        String body = frames.body(event);
        long now = System.nanoTime();
        for (UUID userId : memberships.members(channelId)) {
            for (RealtimeSession session : sessionsOf(userId)) {
                if (session.connection() != except || except == null) {
                    session.deliver(body, now);
                    delivered.increment();
                }
            }
        }
    }

    @Override
    public void toUser(UUID userId, ServerMessage event) {
        String body = frames.body(event);
        long now = System.nanoTime();
        for (RealtimeSession session : sessionsOf(userId)) {
            session.deliver(body, now);
            delivered.increment();
        }
    }

    /** The calls going on in the user's channels, to one new session, in order with later call events. */
    void announceCalls(RealtimeSession session) {
        if (calls != null) {
            calls.currentCalls(session.userId(), state -> deliver(session, state));
        }
    }

    /**
     * A moment's state (typing) to the attached sockets of the channel's members that have it open
     * ({@code subscribe}), except one user. Not numbered and not replayed.
     */
    void liveToSubscribers(UUID channelId, ServerMessage event, UUID exceptUser) {
        String body = frames.body(event);
        for (UUID userId : memberships.members(channelId)) {
            if (userId.equals(exceptUser)) {
                continue;
            }
            for (RealtimeSession session : sessionsOf(userId)) {
                if (session.subscriptions.contains(channelId)) {
                    session.deliverLive(body);
                    delivered.increment();
                }
            }
        }
    }

    /**
     * A moment's state (presence) to every attached socket: the instance is one space, presence is visible
     * to all. Not numbered and not replayed; a resumed socket gets a fresh {@code presence_bulk} instead.
     */
    void liveToEveryone(ServerMessage event) {
        String body = frames.body(event);
        for (RealtimeSession session : sessions.all()) {
            session.deliverLive(body);
            delivered.increment();
        }
    }

    /**
     * Who acts for the session at this moment: the account's role and status, and the signed-in session, read
     * now through the same cache as every REST request, never remembered from when the socket authenticated.
     */
    Principal caller(RealtimeSession session) {
        return tokens.current(session.userId(), session.authSessionId());
    }

    Set<RealtimeSession> sessionsOf(UUID userId) {
        return sessions.of(userId);
    }

    @Override
    public boolean isAttached(UUID realtimeSessionId) {
        RealtimeSession session = sessions.get(realtimeSessionId);
        return session != null && session.connection() != null;
    }

    boolean hasOpenSocket(UUID userId) {
        return sessions.hasOpenSocket(userId);
    }

    Memberships memberships() {
        return memberships;
    }

    void slowConsumer(Connection connection) {
        slowConsumers.increment();
        LOG.log(System.Logger.Level.INFO, "Closing slow WebSocket of " + connection.clientIp()
                + " (its session can resume)");
    }

    void scheduleAbort(Connection connection, Thread writer) {
        if (heartbeat != null) {
            heartbeat.abortIfStuck(connection, writer);
        }
    }

    /** A socket we are done with whose client has not closed it yet: a few seconds' grace, then it goes. */
    void dropIfStillOpen(Connection connection, Thread reader) {
        if (heartbeat != null) {
            heartbeat.dropIfStillOpen(connection, reader);
        }
    }

    // ---- account events -------------------------------------------------------------------------------

    @Override
    public void sessionRevoked(UUID userId, UUID authSessionId, String reason) {
        for (RealtimeSession session : List.copyOf(sessionsOf(userId))) {
            if (session.authSessionId().equals(authSessionId)) {
                forceLogout(session, reason);
            }
        }
    }

    @Override
    public void userDisabled(UUID userId, String reason) {
        List.copyOf(sessionsOf(userId)).forEach(session -> forceLogout(session, reason));
    }

    private void forceLogout(RealtimeSession session, String reason) {
        Connection connection = session.connection();
        deliver(session, new ServerMessage.ForceLogout(reason));
        session.end();
        remove(session);
        if (calls != null) {
            calls.sessionEnded(session.id);
        }
        if (connection != null) {
            connection.session(null);
            connection.close(CloseCodes.FORCE_LOGOUT, "signed out: " + reason);
        }
        presence.socketsChanged(session.userId());
    }

    // ---- housekeeping ---------------------------------------------------------------------------------

    Set<Connection> connections() {
        return connections;
    }

    /** Drops sessions whose resume window has passed. */
    void expireSessions(long now) {
        for (RealtimeSession session : sessions.all()) {
            if (session.isExpired(now)) {
                endSession(session);
            }
        }
    }

    /**
     * Ends the user's longest-detached sessions until a new one fits under {@link #MAX_SESSIONS_PER_USER}:
     * reconnecting again and again must not pile up sessions (and their buffers) for two minutes each. Their
     * clients get {@code resume_failed} and resync, as after any lost session. Called under the user's lock.
     */
    void makeRoomForSession(UUID userId) {
        while (sessionsOf(userId).size() >= MAX_SESSIONS_PER_USER) {
            RealtimeSession oldest = sessionsOf(userId).stream().filter(s -> s.detachedAt() != 0)
                    .min(Comparator.comparingLong(RealtimeSession::detachedAt)).orElse(null);
            if (oldest == null) {
                return;
            }
            endSession(oldest);
        }
    }

    private void endSession(RealtimeSession session) {
        session.end();
        remove(session);
        if (calls != null) {
            calls.sessionEnded(session.id);
        }
    }

    private void remove(RealtimeSession session) {
        sessions.remove(session);
    }

    /** Server stopping: every socket is told to go away (clients reconnect and resume elsewhere or later). */
    public void shutdown() {
        if (heartbeat != null) {
            heartbeat.close();
        }
        connections.forEach(c -> c.close(CloseCodes.GOING_AWAY, "server shutting down"));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
        while (!connections.isEmpty() && System.nanoTime() < deadline) {
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
