package org.chatalot.model.channel;

/** {@code PATCH /api/channels/{id}}: fields left out stay; an empty topic clears it. */
public record UpdateChannelRequest(String name, String topic) {
}
