package org.chatalot.model.channel;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A channel. {@code name} is null for DMs (clients show the other person). {@code archived_at} set means
 * read-only; {@code deleted} is true only in the last event a deleted channel sends.
 */
public record Channel(UUID id,
                      ChannelKind kind,
                      Visibility visibility,
                      String name,
                      String topic,
                      @JsonProperty("created_by") UUID createdBy,
                      @JsonProperty("created_at") Instant createdAt,
                      @JsonProperty("archived_at") Instant archivedAt,
                      boolean deleted,
                      @JsonProperty("member_count") int memberCount) {
}
