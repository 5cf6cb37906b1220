package org.chatalot.server.realtime;

import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.chatalot.model.ws.ServerMessage;
import org.chatalot.server.channel.Memberships;
import org.chatalot.server.common.EventSink;
import org.chatalot.server.common.RealtimeSessionId;

/**
 * The one way events reach sessions. Fan-out serialises an event once, to UTF-8 bytes that every socket
 * writes without copying them, and, for each recipient session, numbers it and puts it on that socket's own
 * queue: nothing here blocks on a client. Membership is read from the live index at delivery time.
 */
public final class Delivery implements EventSink {
    private final SessionRegistry sessions;
    private final Memberships memberships;
    private final Frames frames;
    private final Counter delivered;

    public Delivery(SessionRegistry sessions, Memberships memberships, Frames frames, MeterRegistry registry) {
        this.sessions = sessions;
        this.memberships = memberships;
        this.frames = frames;
        this.delivered = Counter.builder("chatalot.ws.events.delivered").register(registry);
    }

    Frames frames() {
        return frames;
    }

    void deliver(RealtimeSession session, ServerMessage message) {
        session.deliver(frames.body(message), System.nanoTime());
        delivered.increment();
    }

    /** A new session's {@code authenticated}: numbered, not kept for replay (see the session). */
    void deliverAuthenticated(RealtimeSession session, ServerMessage.Authenticated authenticated) {
        session.deliverAuthenticated(frames.body(authenticated));
        delivered.increment();
    }

    @Override
    public void toChannel(UUID channelId, ServerMessage event) {
        toMembers(channelId, event, null);
    }

    @Override
    public void toChannel(UUID channelId, ServerMessage event, RealtimeSessionId origin) {
        toMembers(channelId, event, Objects.requireNonNull(origin, "origin"));
    }

    private void toMembers(UUID channelId, ServerMessage event, RealtimeSessionId except) {
        byte[] body = frames.body(event);
        long now = System.nanoTime();
        for (UUID userId : memberships.members(channelId)) {
            toSessionsOf(userId, body, now, except);
        }
    }

    /** One encoded event to every session of a user, except one session (none when {@code except} is null). */
    private void toSessionsOf(UUID userId, byte[] body, long now, RealtimeSessionId except) {
        for (RealtimeSession session : sessions.of(userId)) {
            if (!session.id.equals(except)) {
                session.deliver(body, now);
                delivered.increment();
            }
        }
    }

    @Override
    public void toSession(RealtimeSessionId sessionId, ServerMessage event) {
        RealtimeSession session = sessions.get(sessionId);
        if (session != null) {
            deliver(session, event);
        }
    }

    @Override
    public void toUser(UUID userId, ServerMessage event) {
        toSessionsOf(userId, frames.body(event), System.nanoTime(), null);
    }

    @Override
    public void toUserAndPeers(UUID userId, ServerMessage event) {
        Set<UUID> recipients = new HashSet<>();
        recipients.add(userId);
        for (UUID channelId : memberships.channelsOf(userId)) {
            recipients.addAll(memberships.members(channelId));
        }
        byte[] body = frames.body(event);
        long now = System.nanoTime();
        for (UUID recipient : recipients) {
            toSessionsOf(recipient, body, now, null);
        }
    }

    /**
     * A moment's state (typing) to the attached sockets of the channel's members that have it open
     * ({@code subscribe}), except one user. Not numbered and not replayed.
     */
    void liveToSubscribers(UUID channelId, ServerMessage event, UUID exceptUser) {
        byte[] body = frames.body(event);
        for (UUID userId : memberships.members(channelId)) {
            if (userId.equals(exceptUser)) {
                continue;
            }
            for (RealtimeSession session : sessions.of(userId)) {
                if (session.isSubscribed(channelId)) {
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
        byte[] body = frames.body(event);
        for (RealtimeSession session : sessions.all()) {
            session.deliverLive(body);
            delivered.increment();
        }
    }
}
