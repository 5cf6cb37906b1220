package org.chatalot.model.channel;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonProperty;

import org.chatalot.model.user.PublicProfile;

/** A member of a channel and their role there. */
public record ChannelMember(PublicProfile user, ChannelRole role, @JsonProperty("joined_at") Instant joinedAt) {
}
