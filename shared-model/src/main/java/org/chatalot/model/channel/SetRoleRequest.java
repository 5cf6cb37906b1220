package org.chatalot.model.channel;

/** {@code PUT /api/channels/{id}/members/{user_id}}: make someone moderator or member. */
public record SetRoleRequest(ChannelRole role) {
}
