package org.chatalot.server.auth;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Tells live connections that credentials stopped being valid: a session was signed out (logout, revoke,
 * refresh-token theft) or a user may no longer use the server at all (suspended, deleted). The realtime
 * hub listens and closes the affected sockets at once.
 */
public final class AccountEvents {
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();

    public void subscribe(Listener listener) {
        listeners.add(listener);
    }

    public void sessionRevoked(UUID userId, UUID sessionId, String reason) {
        listeners.forEach(listener -> listener.sessionRevoked(userId, sessionId, reason));
    }

    public void userDisabled(UUID userId, String reason) {
        listeners.forEach(listener -> listener.userDisabled(userId, reason));
    }

    /** Receives the events; implementations must be quick and must not throw. */
    public interface Listener {
        void sessionRevoked(UUID userId, UUID sessionId, String reason);

        void userDisabled(UUID userId, String reason);
    }
}
