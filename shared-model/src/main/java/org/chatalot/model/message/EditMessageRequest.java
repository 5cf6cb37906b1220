package org.chatalot.model.message;

/** {@code PATCH /api/messages/{id}}: new content (and scheme), within 15 minutes of sending. */
public record EditMessageRequest(String content, String encryption) {
}
