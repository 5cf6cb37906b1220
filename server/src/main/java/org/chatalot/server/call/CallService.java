package org.chatalot.server.call;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

import org.chatalot.model.channel.Channel;
import org.chatalot.model.channel.ChannelKind;
import org.chatalot.model.ws.ServerMessage;
import org.chatalot.model.ws.WsErrorCodes;
import org.chatalot.server.call.Call.Participant;
import org.chatalot.server.channel.ChannelAccess;
import org.chatalot.server.channel.Memberships;
import org.chatalot.server.common.EventSink;
import org.chatalot.server.common.Principal;
import org.chatalot.server.common.RealtimeSessionId;
import org.chatalot.server.db.Ids;
import org.chatalot.server.error.Conflict;
import org.chatalot.server.error.Forbidden;
import org.chatalot.server.error.InvalidInput;
import org.chatalot.server.error.NotFound;
import org.chatalot.server.error.TooMany;

/**
 * Who is in which voice channel's call, and the relay of signaling between them. A user is in at most one
 * call, joined from one realtime session. Every change is announced to the channel's members
 * ({@code user_joined_voice} or {@code user_left_voice}, then {@code voice_state_update}) while holding the
 * lock, so everyone sees the changes of one call in the same order. Nothing here is persisted: a restart
 * ends every call, and clients join again.
 */
public final class CallService implements Memberships.RemovalListener {
    public static final int MAX_PARTICIPANTS = 25;
    public static final long COOLDOWN_NANOS = TimeUnit.SECONDS.toNanos(2);
    public static final long GRACE_NANOS = TimeUnit.SECONDS.toNanos(15);

    private final ChannelAccess access;
    private final Memberships memberships;
    private final EventSink events;
    private final Sockets sockets;
    private final Ids ids;
    private final LongSupplier nanoClock;
    private final Map<UUID, Call> callsByChannel = new HashMap<>();
    private final Map<UUID, Participant> participantsByUser = new HashMap<>();
    private final Map<UUID, Long> lastJoinOrLeave = new HashMap<>();

    public CallService(ChannelAccess access, Memberships memberships, EventSink events, Sockets sockets, Ids ids,
                       LongSupplier nanoClock) {
        this.access = access;
        this.memberships = memberships;
        this.events = events;
        this.sockets = sockets;
        this.ids = ids;
        this.nanoClock = nanoClock;
    }

    /**
     * Enters the call of a voice channel the caller is a member of, leaving any other call first. Joining
     * again from the same session only repeats the state; from another session it replaces the old place
     * (peers see a leave and a join, and reconnect to the new page). {@code media} is how the client comes in.
     */
    public void join(Principal who, RealtimeSessionId realtimeSessionId, UUID channelId, MediaState media) {
        Channel channel = voiceChannel(who, channelId);
        synchronized (this) {
            long now = nanoClock.getAsLong();
            Participant current = participantsByUser.get(who.userId());
            if (current != null && current.call.channelId.equals(channelId)
                    && current.realtimeSessionId.equals(realtimeSessionId)) {
                if (!current.media().equals(media)) {
                    changeMedia(current, media);
                } else {
                    events.toUser(who.userId(), current.call.state());
                }
                return;
            }
            requireCooledDown(who.userId(), now);
            // Checked again under the lock: a removal that raced the check above has run its listener by now.
            if (!memberships.isMember(channel.id(), who.userId())) {
                throw new NotFound("no such channel (or you are not a member)");
            }
            Call call = callsByChannel.get(channelId);
            boolean inThisCall = current != null && current.call == call;
            if (call != null && call.size() - (inThisCall ? 1 : 0) >= MAX_PARTICIPANTS) {
                throw new Conflict(WsErrorCodes.VOICE_FULL, "channel_id",
                        "channel_id: this call is full (" + MAX_PARTICIPANTS + " participants)");
            }
            if (current != null) {
                end(current, inThisCall ? "rejoined" : "moved");
            }
            enter(who.userId(), realtimeSessionId, channelId, media);
            lastJoinOrLeave.put(who.userId(), now);
        }
    }

    /**
     * Leaves the caller's call. Any session of the user may hang up, and leaving is never refused by the
     * cooldown: hanging up must always work. The cooldown it starts limits the next join.
     */
    public synchronized void leave(Principal who) {
        Participant current = participantsByUser.get(who.userId());
        if (current == null) {
            throw new Forbidden(WsErrorCodes.NOT_IN_CALL, "you are not in a call");
        }
        end(current, "left");
        lastJoinOrLeave.put(who.userId(), nanoClock.getAsLong());
    }

    /**
     * The caller muted or unmuted, or turned the camera on or off, in the call it joined from this session:
     * the channel's members get a new {@code voice_state_update} (nothing is sent when nothing changed). A
     * field left out keeps its value.
     */
    public synchronized void updateMedia(Principal who, RealtimeSessionId realtimeSessionId, Boolean muted,
                                         Boolean camera) {
        if (muted == null && camera == null) {
            throw new InvalidInput("muted", "required: muted, camera or both");
        }
        Participant current = participantsByUser.get(who.userId());
        if (current == null || !current.realtimeSessionId.equals(realtimeSessionId)) {
            throw new Forbidden(WsErrorCodes.NOT_IN_CALL, "join_voice from this session first");
        }
        MediaState media = new MediaState(muted == null ? current.muted : muted,
                camera == null ? current.camera : camera);
        if (!current.media().equals(media) && stillMember(current)) {
            changeMedia(current, media);
        }
    }

    /**
     * The calls going on in the channels a user is a member of, handed to {@code delivery} under the lock, so
     * a session that registered before calling this misses no change: a change made before is in the
     * states, one made after reaches the session as an event of its own.
     */
    public synchronized void currentCalls(UUID userId, Consumer<ServerMessage> delivery) {
        for (Call call : callsByChannel.values()) {
            if (memberships.isMember(call.channelId, userId)) {
                delivery.accept(call.state());
            }
        }
    }

    /**
     * Relays an offer, answer or ICE candidate to every socket of the target, only when the sender (from the
     * session that joined) and the target are both members in the same current call.
     */
    public void relay(Principal who, RealtimeSessionId realtimeSessionId, Signal signal) {
        signal.validate();
        if (signal.targetUserId().equals(who.userId())) {
            throw new InvalidInput("target_user_id", "must be another participant, not yourself");
        }
        synchronized (this) {
            Participant sender = participantsByUser.get(who.userId());
            if (sender == null || !sender.realtimeSessionId.equals(realtimeSessionId)) {
                throw new Forbidden(WsErrorCodes.NOT_IN_CALL, "join_voice from this session first");
            }
            Call call = sender.call;
            if (!call.id.equals(signal.callId())) {
                throw new Forbidden(WsErrorCodes.NOT_IN_CALL, "session_id: not the call you are in");
            }
            Participant target = call.participant(signal.targetUserId());
            if (!stillMember(sender) || target == null || !stillMember(target)) {
                throw new Forbidden(WsErrorCodes.NOT_IN_CALL, "target_user_id: not in your call");
            }
            events.toUser(target.userId, signal.relayedFrom(who.userId()));
        }
    }

    /**
     * Runs every second: a participant whose session has had no socket for the grace period is removed
     * (a resume re-attaches the session in time and keeps them in); old cooldown entries are forgotten.
     */
    public synchronized void sweep() {
        long now = nanoClock.getAsLong();
        for (Participant participant : List.copyOf(participantsByUser.values())) {
            if (sockets.isAttached(participant.realtimeSessionId)) {
                participant.disconnectedSince = 0;
            } else if (participant.disconnectedSince == 0) {
                participant.disconnectedSince = now;
            } else if (now - participant.disconnectedSince >= GRACE_NANOS) {
                end(participant, "disconnected");
            }
        }
        lastJoinOrLeave.values().removeIf(at -> now - at >= COOLDOWN_NANOS);
    }

    /** The realtime session is gone for good (signed out, suspended, or its resume window passed). */
    public synchronized void sessionEnded(RealtimeSessionId realtimeSessionId) {
        for (Participant participant : List.copyOf(participantsByUser.values())) {
            if (participant.realtimeSessionId.equals(realtimeSessionId)) {
                end(participant, "signed_out");
            }
        }
    }

    /** Leaving the channel, being removed, or the channel's deletion ends the place in its call at once. */
    @Override
    public synchronized void membershipEnded(UUID channelId, UUID userId) {
        Participant participant = participantsByUser.get(userId);
        if (participant != null && participant.call.channelId.equals(channelId)) {
            end(participant, "removed");
        }
    }

    /** The participants of a channel's call (empty when there is none), for tests and diagnostics. */
    public synchronized List<UUID> participants(UUID channelId) {
        Call call = callsByChannel.get(channelId);
        return call == null ? List.of() : call.userIds();
    }

    private Channel voiceChannel(Principal who, UUID channelId) {
        if (channelId == null) {
            throw new InvalidInput("channel_id", "required");
        }
        Channel channel = access.poster(who, channelId);
        if (channel.kind() != ChannelKind.VOICE) {
            throw new InvalidInput("channel_id", "not a voice channel");
        }
        return channel;
    }

    private void requireCooledDown(UUID userId, long now) {
        Long last = lastJoinOrLeave.get(userId);
        if (last != null && now - last < COOLDOWN_NANOS) {
            long waitMillis = TimeUnit.NANOSECONDS.toMillis(COOLDOWN_NANOS - (now - last));
            throw new TooMany(WsErrorCodes.VOICE_COOLDOWN,
                    "wait " + waitMillis + " ms: one join per 2 seconds after a join or leave", 2);
        }
    }

    private boolean stillMember(Participant participant) {
        if (memberships.isMember(participant.call.channelId, participant.userId)) {
            return true;
        }
        end(participant, "removed");
        return false;
    }

    private void enter(UUID userId, RealtimeSessionId realtimeSessionId, UUID channelId, MediaState media) {
        Call call = callsByChannel.computeIfAbsent(channelId, id -> new Call(ids.next(), id));
        Participant participant = call.add(userId, realtimeSessionId);
        participant.muted = media.muted();
        participant.camera = media.camera();
        participantsByUser.put(userId, participant);
        events.toChannel(channelId, new ServerMessage.UserJoinedVoice(channelId, userId));
        events.toChannel(channelId, call.state());
    }

    private void changeMedia(Participant participant, MediaState media) {
        participant.muted = media.muted();
        participant.camera = media.camera();
        events.toChannel(participant.call.channelId, participant.call.state());
    }

    private void end(Participant participant, String reason) {
        Call call = participant.call;
        call.remove(participant.userId);
        participantsByUser.remove(participant.userId);
        if (call.isEmpty()) {
            callsByChannel.remove(call.channelId);
        }
        var left = new ServerMessage.UserLeftVoice(call.channelId, participant.userId, reason);
        events.toChannel(call.channelId, left);
        if (!memberships.isMember(call.channelId, participant.userId)) {
            // No longer a member, so the channel's events do not reach them: tell them directly.
            events.toUser(participant.userId, left);
        }
        events.toChannel(call.channelId, call.state());
    }
}
