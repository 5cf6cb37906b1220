package org.chatalot.model.channel;

import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Unread state of one channel for the caller: messages by others after their read cursor. */
public record UnreadCount(@JsonProperty("channel_id") UUID channelId,
                          @JsonProperty("unread_count") long unreadCount,
                          @JsonProperty("last_read_message_id") UUID lastReadMessageId,
                          @JsonProperty("last_message_id") UUID lastMessageId) {
}
