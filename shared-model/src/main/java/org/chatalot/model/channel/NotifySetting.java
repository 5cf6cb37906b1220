package org.chatalot.model.channel;

import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * {@code GET/PUT /api/channels/{id}/notifications}: the caller's level for a channel; {@code is_default} says
 * it is the default for the channel's kind, not a choice (it then follows the default if that changes).
 */
public record NotifySetting(@JsonProperty("channel_id") UUID channelId,
                            NotifyLevel level,
                            @JsonProperty("is_default") boolean isDefault) {
}
