package org.chatalot.model.channel;

import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Unread state of one channel for the caller: messages by others after their read cursor, how many of those
 * mention the caller, and the caller's notification level for the channel (never null: the default applies).
 */
public record UnreadCount(@JsonProperty("channel_id") UUID channelId,
                          @JsonProperty("unread_count") long unreadCount,
                          @JsonProperty("last_read_message_id") UUID lastReadMessageId,
                          @JsonProperty("last_message_id") UUID lastMessageId,
                          @JsonProperty("mention_count") long mentionCount,
                          @JsonProperty("notify_level") NotifyLevel notifyLevel) {
}
