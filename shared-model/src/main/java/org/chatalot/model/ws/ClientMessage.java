package org.chatalot.model.ws;

import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/** Everything a client may send. The server handles each with an exhaustive switch. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = ClientMessage.Authenticate.class, name = "authenticate"),
    @JsonSubTypes.Type(value = ClientMessage.Resume.class, name = "resume"),
    @JsonSubTypes.Type(value = ClientMessage.Ping.class, name = "ping"),
    @JsonSubTypes.Type(value = ClientMessage.SendMessage.class, name = "send_message"),
    @JsonSubTypes.Type(value = ClientMessage.EditMessage.class, name = "edit_message"),
    @JsonSubTypes.Type(value = ClientMessage.DeleteMessage.class, name = "delete_message"),
    @JsonSubTypes.Type(value = ClientMessage.AddReaction.class, name = "add_reaction"),
    @JsonSubTypes.Type(value = ClientMessage.RemoveReaction.class, name = "remove_reaction"),
    @JsonSubTypes.Type(value = ClientMessage.Typing.class, name = "typing"),
    @JsonSubTypes.Type(value = ClientMessage.StopTyping.class, name = "stop_typing"),
    @JsonSubTypes.Type(value = ClientMessage.MarkRead.class, name = "mark_read"),
    @JsonSubTypes.Type(value = ClientMessage.Subscribe.class, name = "subscribe"),
    @JsonSubTypes.Type(value = ClientMessage.Unsubscribe.class, name = "unsubscribe"),
    @JsonSubTypes.Type(value = ClientMessage.UpdatePresence.class, name = "update_presence"),
    @JsonSubTypes.Type(value = ClientMessage.JoinVoice.class, name = "join_voice"),
    @JsonSubTypes.Type(value = ClientMessage.LeaveVoice.class, name = "leave_voice"),
    @JsonSubTypes.Type(value = ClientMessage.UpdateVoiceState.class, name = "update_voice_state"),
    @JsonSubTypes.Type(value = ClientMessage.RtcOffer.class, name = "rtc_offer"),
    @JsonSubTypes.Type(value = ClientMessage.RtcAnswer.class, name = "rtc_answer"),
    @JsonSubTypes.Type(value = ClientMessage.RtcIceCandidate.class, name = "rtc_ice_candidate"),
})
public sealed interface ClientMessage {

    /** First frame of a new session: an access token from login or refresh. */
    record Authenticate(String token) implements ClientMessage {
    }

    /** First frame of a reconnect: continue {@code session_id} after the last event seen. */
    record Resume(String token,
                  @JsonProperty("session_id") UUID sessionId,
                  @JsonProperty("last_seq") long lastSeq) implements ClientMessage {
    }

    /** Keep-alive for clients that cannot send WebSocket ping frames (browsers); answered by {@code pong}. */
    record Ping(String nonce) implements ClientMessage {
    }

    /** {@code client_id} is echoed in {@code message_sent} so the client can match the acknowledgement. */
    record SendMessage(@JsonProperty("channel_id") UUID channelId,
                       String content,
                       String encryption,
                       @JsonProperty("reply_to") UUID replyTo,
                       List<UUID> attachments,
                       @JsonProperty("client_id") String clientId) implements ClientMessage {
    }

    record EditMessage(@JsonProperty("message_id") UUID messageId, String content, String encryption)
            implements ClientMessage {
    }

    record DeleteMessage(@JsonProperty("message_id") UUID messageId) implements ClientMessage {
    }

    record AddReaction(@JsonProperty("message_id") UUID messageId, String emoji) implements ClientMessage {
    }

    record RemoveReaction(@JsonProperty("message_id") UUID messageId, String emoji) implements ClientMessage {
    }

    record Typing(@JsonProperty("channel_id") UUID channelId) implements ClientMessage {
    }

    record StopTyping(@JsonProperty("channel_id") UUID channelId) implements ClientMessage {
    }

    record MarkRead(@JsonProperty("channel_id") UUID channelId, @JsonProperty("message_id") UUID messageId)
            implements ClientMessage {
    }

    /** Channels the client has open: only these send it {@code user_typing}. */
    record Subscribe(@JsonProperty("channel_ids") List<UUID> channelIds) implements ClientMessage {
    }

    record Unsubscribe(@JsonProperty("channel_ids") List<UUID> channelIds) implements ClientMessage {
    }

    record UpdatePresence(PresenceStatus status) implements ClientMessage {
    }

    /**
     * Enter the call of a voice channel (leaving any other call first). {@code muted} and {@code camera} say
     * how the client comes in (microphone off, camera on); left out, they mean unmuted with the camera off.
     */
    record JoinVoice(@JsonProperty("channel_id") UUID channelId, Boolean muted, Boolean camera)
            implements ClientMessage {
        public JoinVoice(UUID channelId) {
            this(channelId, null, null);
        }
    }

    /** The microphone was muted or unmuted, the camera turned on or off: the other participants show it. */
    record UpdateVoiceState(Boolean muted, Boolean camera) implements ClientMessage {
    }

    /** Leave the call this session is in. */
    record LeaveVoice() implements ClientMessage {
    }

    /**
     * WebRTC signaling, relayed to every socket of {@code target_user_id} when both are in the call
     * {@code session_id}. The SDP and candidate are opaque to the server.
     */
    record RtcOffer(@JsonProperty("target_user_id") UUID targetUserId,
                    @JsonProperty("session_id") UUID sessionId,
                    String sdp) implements ClientMessage {
    }

    record RtcAnswer(@JsonProperty("target_user_id") UUID targetUserId,
                     @JsonProperty("session_id") UUID sessionId,
                     String sdp) implements ClientMessage {
    }

    record RtcIceCandidate(@JsonProperty("target_user_id") UUID targetUserId,
                           @JsonProperty("session_id") UUID sessionId,
                           String candidate) implements ClientMessage {
    }
}
