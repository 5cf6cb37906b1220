package org.chatalot.model.channel;

import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonProperty;

/** {@code POST /api/channels/{id}/read}: everything up to and including this message has been seen. */
public record MarkReadRequest(@JsonProperty("message_id") UUID messageId) {
}
