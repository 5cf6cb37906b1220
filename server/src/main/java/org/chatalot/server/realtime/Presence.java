package org.chatalot.server.realtime;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.chatalot.model.ws.PresenceStatus;
import org.chatalot.model.ws.ServerMessage;
import org.chatalot.server.error.InvalidInput;

/**
 * Who is online. A user is shown with the status they chose (online by default) while at least one of
 * their sockets is open, and offline otherwise; {@code invisible} is shown as offline to everyone.
 * Changes are broadcast only when what others see actually changes.
 */
public final class Presence {
    private final SessionRegistry sessions;
    private final Delivery delivery;
    private final ConcurrentHashMap<UUID, PresenceStatus> chosen = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<UUID, PresenceStatus> shown = new ConcurrentHashMap<>();

    public Presence(SessionRegistry sessions, Delivery delivery) {
        this.sessions = sessions;
        this.delivery = delivery;
    }

    /** Recomputes a user's visible status after their sockets or choice changed. */
    void socketsChanged(UUID userId) {
        PresenceStatus visible = sessions.hasOpenSocket(userId) ? visible(chosen.get(userId)) : PresenceStatus.OFFLINE;
        PresenceStatus before = visible == PresenceStatus.OFFLINE ? shown.remove(userId) : shown.put(userId, visible);
        PresenceStatus previous = before == null ? PresenceStatus.OFFLINE : before;
        if (previous != visible) {
            delivery.liveToEveryone(new ServerMessage.PresenceUpdate(userId, visible));
        }
    }

    void choose(UUID userId, PresenceStatus status) {
        if (status == null || status == PresenceStatus.OFFLINE) {
            throw new InvalidInput("status", "must be online, idle, dnd or invisible");
        }
        chosen.put(userId, status);
        socketsChanged(userId);
    }

    ServerMessage.PresenceBulk snapshot() {
        List<ServerMessage.PresenceUpdate> users = shown.entrySet().stream()
                .map(e -> new ServerMessage.PresenceUpdate(e.getKey(), e.getValue())).toList();
        return new ServerMessage.PresenceBulk(users);
    }

    private static PresenceStatus visible(PresenceStatus choice) {
        if (choice == null) {
            return PresenceStatus.ONLINE;
        }
        return choice == PresenceStatus.INVISIBLE ? PresenceStatus.OFFLINE : choice;
    }
}
