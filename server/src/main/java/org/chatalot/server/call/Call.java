package org.chatalot.server.call;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.chatalot.model.ws.ServerMessage;
import org.chatalot.server.common.RealtimeSessionId;

/**
 * The call of one voice channel while anyone is in it. Its id ({@code session_id} on the wire) is new for
 * every call, so a signal left over from an earlier call in the same channel is refused, not relayed.
 * Guarded by the {@link CallService}'s lock.
 */
final class Call {
    final UUID id;
    final UUID channelId;
    private final Map<UUID, Participant> participants = new LinkedHashMap<>();

    Call(UUID id, UUID channelId) {
        this.id = id;
        this.channelId = channelId;
    }

    /** One user in the call, joined from one realtime session (the socket whose loss starts the grace). */
    static final class Participant {
        final UUID userId;
        final RealtimeSessionId realtimeSessionId;
        final Call call;
        /** When the session was first seen without a socket; 0 while it has one. */
        long disconnectedSince;
        /** What the participant's client last said about its microphone and camera. */
        boolean muted;
        boolean camera;

        Participant(UUID userId, RealtimeSessionId realtimeSessionId, Call call) {
            this.userId = userId;
            this.realtimeSessionId = realtimeSessionId;
            this.call = call;
        }

        MediaState media() {
            return new MediaState(muted, camera);
        }
    }

    Participant add(UUID userId, RealtimeSessionId realtimeSessionId) {
        Participant participant = new Participant(userId, realtimeSessionId, this);
        participants.put(userId, participant);
        return participant;
    }

    void remove(UUID userId) {
        participants.remove(userId);
    }

    Participant participant(UUID userId) {
        return participants.get(userId);
    }

    int size() {
        return participants.size();
    }

    boolean isEmpty() {
        return participants.isEmpty();
    }

    /** Participants in joining order. */
    List<UUID> userIds() {
        return new ArrayList<>(participants.keySet());
    }

    ServerMessage.VoiceStateUpdate state() {
        List<UUID> muted = new ArrayList<>();
        List<UUID> camera = new ArrayList<>();
        for (Participant participant : participants.values()) {
            if (participant.muted) {
                muted.add(participant.userId);
            }
            if (participant.camera) {
                camera.add(participant.userId);
            }
        }
        return new ServerMessage.VoiceStateUpdate(channelId, isEmpty() ? null : id, userIds(), muted, camera);
    }
}
