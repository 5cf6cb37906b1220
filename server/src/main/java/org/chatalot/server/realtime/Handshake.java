package org.chatalot.server.realtime;

import java.util.UUID;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.chatalot.model.ws.ClientMessage;
import org.chatalot.model.ws.CloseCodes;
import org.chatalot.model.ws.ServerMessage;
import org.chatalot.model.ws.WsErrorCodes;
import org.chatalot.server.call.CallService;
import org.chatalot.server.common.Principal;
import org.chatalot.server.common.RealtimeSessionId;
import org.chatalot.server.common.TokenVerifier;
import org.chatalot.server.db.Ids;
import org.chatalot.server.error.ServiceException;
import org.chatalot.server.error.Unauthorized;

/**
 * What a socket may do before it has a session: {@code authenticate} (a new session) or {@code resume}
 * (an existing one, with the events it missed). A bad token closes the socket. Both ways count against the
 * same limit of sockets per user, checked and taken in one step under the user's lock; moving a session
 * from its open socket to a new one does not add a socket.
 */
public final class Handshake {
    static final int MAX_SOCKETS_PER_USER = 8;

    private final SessionRegistry sessions;
    private final Delivery delivery;
    private final Presence presence;
    private final SessionEnds ends;
    private final CallService calls;
    private final TokenVerifier tokens;
    private final Ids ids;
    private final String serverVersion;
    private final long pingIntervalSecs;
    private final Counter resumes;
    private final Counter failedResumes;

    public Handshake(SessionRegistry sessions, Delivery delivery, Presence presence, SessionEnds ends,
                     CallService calls, TokenVerifier tokens, Ids ids, String serverVersion, long pingIntervalSecs,
                     MeterRegistry registry) {
        this.sessions = sessions;
        this.delivery = delivery;
        this.presence = presence;
        this.ends = ends;
        this.calls = calls;
        this.tokens = tokens;
        this.ids = ids;
        this.serverVersion = serverVersion;
        this.pingIntervalSecs = pingIntervalSecs;
        this.resumes = Counter.builder("chatalot.ws.resumes").tag("outcome", "ok").register(registry);
        this.failedResumes = Counter.builder("chatalot.ws.resumes").tag("outcome", "failed").register(registry);
    }

    void handle(Connection connection, ClientMessage message) {
        switch (message) {
            case ClientMessage.Authenticate authenticate -> authenticate(connection, authenticate.token());
            case ClientMessage.Resume resume -> resume(connection, resume);
            default -> connection.sendError(WsErrorCodes.NOT_AUTHENTICATED,
                    "send authenticate (or resume) first", null);
        }
    }

    private void authenticate(Connection connection, String token) {
        Principal principal = verify(connection, token);
        if (principal == null) {
            return;
        }
        RealtimeSession session = new RealtimeSession(new RealtimeSessionId(ids.next()), principal.userId(),
                principal.sessionId());
        synchronized (sessions.lockOf(principal.userId())) {
            if (!roomFor(connection, principal.userId())) {
                return;
            }
            ends.makeRoomFor(principal.userId());
            connection.session(session);
            session.attach(connection);
            // Queued before the session can be found: from then on anyone's presence change reaches it, and
            // the client must learn which session it is (and the protocol's version) from its first frame. Written
            // only once it can be found: what the client does on reading it must be announced to it too.
            connection.holdWrites();
            try {
                delivery.deliverAuthenticated(session, new ServerMessage.Authenticated(principal.userId(),
                        session.id.value(), serverVersion, pingIntervalSecs));
                sessions.add(session);
            } finally {
                connection.releaseWrites();
            }
        }
        forgetIfAlreadyGone(session, connection);
        // A new session has seen no call events: it learns the calls going on now (a resume replays instead).
        calls.currentCalls(session.userId(), state -> delivery.deliver(session, state));
        session.deliverLive(() -> delivery.frames().body(presence.snapshot()));
        presence.socketsChanged(principal.userId());
    }

    private void resume(Connection connection, ClientMessage.Resume request) {
        Principal principal = verify(connection, request.token());
        if (principal == null) {
            return;
        }
        RealtimeSession session = request.sessionId() == null ? null
                : sessions.get(new RealtimeSessionId(request.sessionId()));
        if (session == null || !session.userId().equals(principal.userId())) {
            resumeFailed(connection, "unknown or expired session; authenticate again");
            return;
        }
        Connection previous;
        synchronized (sessions.lockOf(principal.userId())) {
            if (session.connection() == null && !roomFor(connection, principal.userId())) {
                return;
            }
            try {
                connection.session(session);
                previous = session.resume(connection, request.lastSeq(), System.nanoTime());
            } catch (RealtimeSession.ResumeRefused e) {
                connection.session(null);
                resumeFailed(connection, e.getMessage());
                return;
            }
        }
        forgetIfAlreadyGone(session, connection);
        session.deliverLive(() -> delivery.frames().body(presence.snapshot()));
        resumes.increment();
        if (previous != null && previous != connection) {
            previous.session(null);
            previous.close(CloseCodes.SESSION_RESUMED_ELSEWHERE, "session resumed on another socket");
        }
        presence.socketsChanged(principal.userId());
    }

    /**
     * A socket that ended while it was being attached (its reader saw the end before the session was set on
     * it) must not stay attached: it would count against the limit and hold the session for good.
     */
    private static void forgetIfAlreadyGone(RealtimeSession session, Connection connection) {
        if (connection.isFinished()) {
            session.detach(connection, System.nanoTime());
        }
    }

    private void resumeFailed(Connection connection, String reason) {
        failedResumes.increment();
        connection.sendUnnumbered(delivery.frames().body(new ServerMessage.ResumeFailed(reason)));
    }

    private Principal verify(Connection connection, String token) {
        try {
            if (token == null || token.isBlank()) {
                throw new Unauthorized("token: required");
            }
            return tokens.verify(token);
        } catch (ServiceException e) {
            connection.sendError(WsErrorCodes.AUTH_FAILED, e.getMessage(), null);
            connection.close(CloseCodes.AUTH_FAILED, "authentication failed");
            return null;
        }
    }

    private boolean roomFor(Connection connection, UUID userId) {
        if (sessions.openSocketsOf(userId) >= MAX_SOCKETS_PER_USER) {
            connection.sendError(WsErrorCodes.TOO_MANY_SOCKETS,
                    "at most " + MAX_SOCKETS_PER_USER + " sockets per user", null);
            connection.close(CloseCodes.TOO_MANY_SOCKETS, "too many sockets");
            return false;
        }
        return true;
    }
}
