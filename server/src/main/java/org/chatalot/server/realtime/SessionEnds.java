package org.chatalot.server.realtime;

import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import org.chatalot.model.ws.CloseCodes;
import org.chatalot.model.ws.ServerMessage;
import org.chatalot.server.auth.AccountEvents;
import org.chatalot.server.call.CallService;

/**
 * How realtime sessions end: their resume window passes, a newer session of the same user needs the room,
 * or the account signs out (a revoked sign-in, a disabled user). An ended session leaves the registry and
 * any call it was in.
 */
public final class SessionEnds implements AccountEvents.Listener {
    /** Sessions per user, with or without a socket: each keeps up to 512 KiB of events for a resume. */
    static final int MAX_SESSIONS_PER_USER = 2 * Handshake.MAX_SOCKETS_PER_USER;

    private final SessionRegistry sessions;
    private final Delivery delivery;
    private final Presence presence;
    private final CallService calls;

    public SessionEnds(SessionRegistry sessions, Delivery delivery, Presence presence, CallService calls) {
        this.sessions = sessions;
        this.delivery = delivery;
        this.presence = presence;
        this.calls = calls;
    }

    /** Drops sessions whose resume window has passed. */
    void expire(long now) {
        for (RealtimeSession session : sessions.all()) {
            if (session.isExpired(now)) {
                end(session);
            }
        }
    }

    /**
     * Ends the user's longest-detached sessions until a new one fits under {@link #MAX_SESSIONS_PER_USER}:
     * reconnecting again and again must not pile up sessions (and their buffers) for two minutes each. Their
     * clients get {@code resume_failed} and resync, as after any lost session. Called under the user's lock.
     */
    void makeRoomFor(UUID userId) {
        while (sessions.of(userId).size() >= MAX_SESSIONS_PER_USER) {
            RealtimeSession oldest = sessions.of(userId).stream().filter(s -> s.detachedAt() != 0)
                    .min(Comparator.comparingLong(RealtimeSession::detachedAt)).orElse(null);
            if (oldest == null) {
                return;
            }
            end(oldest);
        }
    }

    @Override
    public void sessionRevoked(UUID userId, UUID authSessionId, String reason) {
        for (RealtimeSession session : List.copyOf(sessions.of(userId))) {
            if (session.authSessionId().equals(authSessionId)) {
                forceLogout(session, reason);
            }
        }
    }

    @Override
    public void userDisabled(UUID userId, String reason) {
        List.copyOf(sessions.of(userId)).forEach(session -> forceLogout(session, reason));
    }

    private void forceLogout(RealtimeSession session, String reason) {
        Connection connection = session.connection();
        delivery.deliver(session, new ServerMessage.ForceLogout(reason));
        end(session);
        if (connection != null) {
            connection.session(null);
            connection.close(CloseCodes.FORCE_LOGOUT, "signed out: " + reason);
        }
        presence.socketsChanged(session.userId());
    }

    private void end(RealtimeSession session) {
        session.end();
        sessions.remove(session);
        calls.sessionEnded(session.id);
    }
}
