package org.chatalot.server.call;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.chatalot.model.ws.ServerMessage;
import org.chatalot.server.error.InvalidInput;
import org.chatalot.server.error.PayloadTooLarge;

/**
 * One WebRTC signaling message on its way from a participant to another. The payload (SDP or ICE candidate)
 * is opaque: the server checks only that it is there and within its size, never what it says.
 */
public record Signal(Kind kind, UUID targetUserId, UUID callId, String payload) {
    public static final int MAX_SDP_BYTES = 32 * 1024;
    public static final int MAX_CANDIDATE_BYTES = 2 * 1024;

    /** The three relayed message types, with the field that carries the payload and its limit. */
    public enum Kind {
        OFFER("sdp", MAX_SDP_BYTES),
        ANSWER("sdp", MAX_SDP_BYTES),
        ICE_CANDIDATE("candidate", MAX_CANDIDATE_BYTES);

        private final String field;
        private final int maxBytes;

        Kind(String field, int maxBytes) {
            this.field = field;
            this.maxBytes = maxBytes;
        }
    }

    public static Signal offer(UUID target, UUID callId, String sdp) {
        return new Signal(Kind.OFFER, target, callId, sdp);
    }

    public static Signal answer(UUID target, UUID callId, String sdp) {
        return new Signal(Kind.ANSWER, target, callId, sdp);
    }

    public static Signal candidate(UUID target, UUID callId, String candidate) {
        return new Signal(Kind.ICE_CANDIDATE, target, callId, candidate);
    }

    /** Refuses a signal with a missing field or an oversized payload, naming the field. */
    void validate() {
        if (targetUserId == null) {
            throw new InvalidInput("target_user_id", "required");
        }
        if (callId == null) {
            throw new InvalidInput("session_id", "required: the session_id of your call (from voice_state_update)");
        }
        if (payload == null || payload.isEmpty()) {
            throw new InvalidInput(kind.field, "required");
        }
        // Characters first: a string longer than the limit in chars is longer in UTF-8 bytes too.
        if (payload.length() > kind.maxBytes
                || payload.getBytes(StandardCharsets.UTF_8).length > kind.maxBytes) {
            throw new PayloadTooLarge(kind.field + ": at most " + kind.maxBytes + " bytes");
        }
    }

    /** The frame the target receives: the same payload, marked with who sent it. */
    ServerMessage relayedFrom(UUID senderId) {
        return switch (kind) {
            case OFFER -> new ServerMessage.RtcOffer(senderId, callId, payload);
            case ANSWER -> new ServerMessage.RtcAnswer(senderId, callId, payload);
            case ICE_CANDIDATE -> new ServerMessage.RtcIceCandidate(senderId, callId, payload);
        };
    }
}
