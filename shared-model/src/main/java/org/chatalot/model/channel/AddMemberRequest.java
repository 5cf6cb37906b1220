package org.chatalot.model.channel;

import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonProperty;

/** {@code POST /api/channels/{id}/members} and {@code POST /api/dms}. */
public record AddMemberRequest(@JsonProperty("user_id") UUID userId) {
}
