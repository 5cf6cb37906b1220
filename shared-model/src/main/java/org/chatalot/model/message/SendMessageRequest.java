package org.chatalot.model.message;

import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * {@code POST /api/channels/{id}/messages}, the REST twin of the WebSocket's {@code send_message}.
 * {@code client_id} (optional, at most 64 characters) names the message for good on the sender's side: sent
 * again with the same one, by the same user, it is not stored again and the original is the answer.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SendMessageRequest(String content,
                                 String encryption,
                                 @JsonProperty("reply_to") UUID replyTo,
                                 List<UUID> attachments,
                                 @JsonProperty("client_id") String clientId) {

    public SendMessageRequest(String content, String encryption, UUID replyTo, List<UUID> attachments) {
        this(content, encryption, replyTo, attachments, null);
    }
}
