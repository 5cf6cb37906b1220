package org.chatalot.model.admin;

import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Body of {@code DELETE /api/admin/channels/{id}}: the channel's id repeated, as {@link TargetConfirmation}
 * does for accounts, so a mistyped URL cannot delete the wrong channel.
 */
public record ChannelConfirmation(@JsonProperty("confirm_channel_id") UUID confirmChannelId) {
}
