package org.chatalot.model.channel;

/** {@code POST /api/channels}. Kind defaults to text, visibility to public. */
public record CreateChannelRequest(String name, ChannelKind kind, Visibility visibility, String topic) {
}
