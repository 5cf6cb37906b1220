package org.chatalot.model.auth;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonProperty;

/** One signed-in device: {@code GET /api/account/sessions}. */
public record SessionInfo(UUID id,
                          String device,
                          String ip,
                          @JsonProperty("created_at") Instant createdAt,
                          @JsonProperty("last_used_at") Instant lastUsedAt,
                          @JsonProperty("expires_at") Instant expiresAt,
                          boolean current) {
}
