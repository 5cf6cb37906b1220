package org.chatalot.server.auth;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import org.chatalot.model.user.PublicProfile;

/**
 * Tells live connections what changed about an account, once it is stored. Credentials that stopped being
 * valid: a session was signed out (logout, revoke, refresh-token theft) or a user may no longer use the
 * server at all (suspended, deleted); the realtime side closes the affected sockets at once. And what others
 * see of a user (display name, status text); the realtime side tells the people who share a conversation
 * with them. The account code is built before the realtime side exists, so it publishes here.
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

    public void profileChanged(PublicProfile profile) {
        listeners.forEach(listener -> listener.profileChanged(profile));
    }

    /**
     * Receives the events, each listener those it cares about; implementations must be quick and must not
     * throw: they run on the request that made the change.
     */
    public interface Listener {
        default void sessionRevoked(UUID userId, UUID sessionId, String reason) {
        }

        default void userDisabled(UUID userId, String reason) {
        }

        default void profileChanged(PublicProfile profile) {
        }
    }
}
