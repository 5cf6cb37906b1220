package org.chatalot.model.message;

import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonProperty;

/** {@code POST /api/channels/{id}/messages}, the REST twin of the WebSocket's {@code send_message}. */
public record SendMessageRequest(String content,
                                 String encryption,
                                 @JsonProperty("reply_to") UUID replyTo,
                                 List<UUID> attachments) {
}
