package org.chatalot.server.realtime;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.chatalot.server.common.RealtimeSessionId;

/**
 * One client's realtime session: the numbered stream of events addressed to it. It outlives its socket by
 * the resume window; events keep being numbered and buffered while no socket is attached, and a socket
 * that resumes gets exactly the ones after its {@code last_seq}. The buffer is bounded (count, bytes and
 * age); a client that falls further behind gets {@code resume_failed} and resyncs over REST.
 *
 * <p>An idle session should cost little memory: it keeps no event that no resume can ask for, and its
 * subscriptions and buffer take room only once it has some.
 */
final class RealtimeSession {
    static final int MAX_BUFFERED_EVENTS = 256;
    /** UTF-8 bytes of JSON kept for replay, at most. */
    static final int MAX_BUFFERED_BYTES = 512 * 1024;
    static final long RETENTION_NANOS = TimeUnit.MINUTES.toNanos(2);

    final RealtimeSessionId id;
    /** Whose session it is, and the signed-in session it acts for; their role is read per action, not kept. */
    private final UUID userId;
    private final UUID authSessionId;
    /**
     * The channels the client has open ({@code subscribe}), read at every typing event from other threads.
     * Replaced, never changed: no lock to read it, and no set of its own until there is one.
     */
    private volatile Set<UUID> subscriptions = Set.of();
    private final ReplayBuffer buffer = new ReplayBuffer();
    private long seq;
    private long lostUpTo;
    private Connection connection;
    private long detachedAt;
    private boolean ended;

    RealtimeSession(RealtimeSessionId id, UUID userId, UUID authSessionId) {
        this.id = id;
        this.userId = userId;
        this.authSessionId = authSessionId;
    }

    RealtimeSessionId id() {
        return id;
    }

    UUID userId() {
        return userId;
    }

    UUID authSessionId() {
        return authSessionId;
    }

    /**
     * Numbers {@code authenticated} and hands it to the socket without keeping it, and forgets anything numbered
     * before it: it names the session, so no client can resume from before it and no replay needs any of it.
     */
    synchronized void deliverAuthenticated(byte[] body) {
        if (ended) {
            return;
        }
        seq++;
        lostUpTo = seq;
        buffer.clear();
        if (connection != null) {
            connection.send(new Numbered(seq, body));
        }
    }

    /** Numbers the event, keeps it for replay, and hands it to the socket if one is attached. */
    synchronized void deliver(byte[] body, long now) {
        if (ended) {
            return;
        }
        seq++;
        while (buffer.size() >= MAX_BUFFERED_EVENTS) {
            lostUpTo = buffer.dropOldest();
        }
        buffer.add(seq, body, now);
        trim(now);
        if (connection != null) {
            connection.send(new Numbered(seq, body));
        }
    }

    /**
     * Hands a moment's state (presence, typing) to the socket if one is attached, without a number and
     * without keeping it: replaying it later would show something that is no longer true.
     */
    synchronized void deliverLive(byte[] body) {
        if (!ended && connection != null) {
            connection.sendUnnumbered(body);
        }
    }

    /**
     * Like {@link #deliverLive(byte[])} for a snapshot made under this session's lock, so that no live
     * change delivered meanwhile can be overtaken by the older snapshot.
     */
    synchronized void deliverLive(Supplier<byte[]> snapshot) {
        if (!ended && connection != null) {
            connection.sendUnnumbered(snapshot.get());
        }
    }

    synchronized void attach(Connection socket) {
        connection = socket;
        detachedAt = 0;
    }

    /** Forgets the socket (if it is still the current one); the session waits for a resume. */
    synchronized boolean detach(Connection socket, long now) {
        if (connection != socket) {
            return false;
        }
        connection = null;
        detachedAt = now;
        return true;
    }

    /**
     * Moves the session to {@code socket} and replays every event after {@code lastSeq}. Returns the socket
     * it was taken from (to be closed), or throws {@link ResumeRefused} when events were lost.
     */
    synchronized Connection resume(Connection socket, long lastSeq, long now) throws ResumeRefused {
        trim(now);
        if (ended) {
            throw new ResumeRefused("the session has ended; authenticate again");
        }
        if (lastSeq > seq || lastSeq < 0) {
            throw new ResumeRefused("last_seq " + lastSeq + " was never sent in this session");
        }
        if (lastSeq < lostUpTo) {
            throw new ResumeRefused("events after " + lastSeq + " are no longer buffered; resync over REST");
        }
        Connection previous = connection;
        connection = socket;
        detachedAt = 0;
        socket.sendResumed(id.value(), seq - lastSeq);
        buffer.replayAfter(lastSeq, socket::send);
        return previous;
    }

    boolean isSubscribed(UUID channelId) {
        return subscriptions.contains(channelId);
    }

    int subscriptionCount() {
        return subscriptions.size();
    }

    synchronized void subscribe(UUID channelId) {
        Set<UUID> next = new HashSet<>(subscriptions);
        next.add(channelId);
        subscriptions = next;
    }

    synchronized void unsubscribe(UUID channelId) {
        if (channelId != null && subscriptions.contains(channelId)) {
            Set<UUID> next = new HashSet<>(subscriptions);
            next.remove(channelId);
            subscriptions = next.isEmpty() ? Set.of() : next;
        }
    }

    /** No more events and no resume: signed out, or the resume window passed. */
    synchronized void end() {
        ended = true;
        buffer.clear();
    }

    /** When the session lost its socket, or 0 while it has one. */
    synchronized long detachedAt() {
        return connection == null ? detachedAt : 0;
    }

    synchronized boolean isExpired(long now) {
        return ended || connection == null && detachedAt != 0 && now - detachedAt > RETENTION_NANOS;
    }

    synchronized Connection connection() {
        return connection;
    }

    synchronized long lastSeq() {
        return seq;
    }

    private void trim(long now) {
        while (buffer.size() > 0 && (buffer.size() > MAX_BUFFERED_EVENTS || buffer.bytes() > MAX_BUFFERED_BYTES
                || now - buffer.oldestAt() > RETENTION_NANOS)) {
            lostUpTo = buffer.dropOldest();
        }
    }

    /** Why a resume cannot continue the session. */
    static final class ResumeRefused extends Exception {
        ResumeRefused(String reason) {
            super(reason, null, false, false);
        }
    }
}
