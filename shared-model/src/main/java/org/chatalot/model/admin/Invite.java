package org.chatalot.model.admin;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonProperty;

/** An invite code and how much of it is left. */
public record Invite(String code,
                     @JsonProperty("max_uses") Integer maxUses,
                     int uses,
                     @JsonProperty("expires_at") Instant expiresAt,
                     @JsonProperty("created_by") UUID createdBy,
                     @JsonProperty("created_at") Instant createdAt,
                     @JsonProperty("revoked_at") Instant revokedAt,
                     boolean usable) {
}
