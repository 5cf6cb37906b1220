package org.chatalot.server.realtime;

import java.util.Collection;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import org.chatalot.server.call.Sockets;
import org.chatalot.server.common.RealtimeSessionId;

/**
 * The open sockets, and the live realtime sessions by id and by user. A session stays here while it may
 * still be resumed. Attaching a socket to a session of a user happens under that user's lock ({@link
 * #lockOf}), so that counting the user's open sockets and adding one are a single step however many sockets
 * try at once.
 */
public final class SessionRegistry implements Sockets {
    private final Set<Connection> connections = ConcurrentHashMap.newKeySet();
    private final ConcurrentHashMap<RealtimeSessionId, RealtimeSession> byId = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<UUID, Set<RealtimeSession>> byUser = new ConcurrentHashMap<>();

    public SessionRegistry(MeterRegistry registry) {
        Gauge.builder("chatalot.ws.sockets", connections, Set::size).register(registry);
        Gauge.builder("chatalot.ws.sessions", byId, ConcurrentHashMap::size).register(registry);
    }

    // ---- sockets ---------------------------------------------------------------------------------------

    void opened(Connection connection) {
        connections.add(connection);
    }

    /** Forgets the socket; false when it was already forgotten. */
    boolean closed(Connection connection) {
        return connections.remove(connection);
    }

    Set<Connection> connections() {
        return connections;
    }

    public int openSockets() {
        return connections.size();
    }

    // ---- sessions --------------------------------------------------------------------------------------

    void add(RealtimeSession session) {
        byId.put(session.id, session);
        byUser.computeIfAbsent(session.userId(), id -> ConcurrentHashMap.newKeySet()).add(session);
    }

    void remove(RealtimeSession session) {
        byId.remove(session.id);
        Set<RealtimeSession> own = byUser.get(session.userId());
        if (own != null) {
            own.remove(session);
        }
    }

    /** The session with this id, or null. */
    RealtimeSession get(RealtimeSessionId sessionId) {
        return sessionId == null ? null : byId.get(sessionId);
    }

    Set<RealtimeSession> of(UUID userId) {
        return byUser.getOrDefault(userId, Set.of());
    }

    Collection<RealtimeSession> all() {
        return byId.values();
    }

    /** Realtime sessions, including those waiting to be resumed. */
    public int sessionCount() {
        return byId.size();
    }

    @Override
    public boolean isAttached(RealtimeSessionId sessionId) {
        RealtimeSession session = get(sessionId);
        return session != null && session.connection() != null;
    }

    /** Held while a socket is attached to one of this user's sessions (authenticate or resume). */
    Object lockOf(UUID userId) {
        return byUser.computeIfAbsent(userId, id -> ConcurrentHashMap.newKeySet());
    }

    /** Sockets this user has open now (sessions waiting to resume have none). */
    long openSocketsOf(UUID userId) {
        return of(userId).stream().filter(s -> s.connection() != null).count();
    }

    boolean hasOpenSocket(UUID userId) {
        return of(userId).stream().anyMatch(s -> s.connection() != null);
    }

    /** Users with at least one open socket right now (a session waiting to resume does not count). */
    public int onlineUsers() {
        return (int) byUser.keySet().stream().filter(this::hasOpenSocket).count();
    }
}
