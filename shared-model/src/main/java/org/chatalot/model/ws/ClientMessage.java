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
}
