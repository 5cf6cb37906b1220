package org.chatalot.model.admin;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonProperty;

import org.chatalot.model.channel.ChannelKind;
import org.chatalot.model.channel.Visibility;

/** A channel as admins see it: {@code GET /api/admin/channels} (every channel, private ones and DMs included). */
public record AdminChannel(UUID id,
                           ChannelKind kind,
                           Visibility visibility,
                           String name,
                           @JsonProperty("member_count") int memberCount,
                           @JsonProperty("message_count") long messageCount,
                           @JsonProperty("created_at") Instant createdAt,
                           @JsonProperty("archived_at") Instant archivedAt) {
}
