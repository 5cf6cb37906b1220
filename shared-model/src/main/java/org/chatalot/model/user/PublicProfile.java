package org.chatalot.model.user;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonProperty;

/** What any member may see of another user; {@code status_text} is the line they show beside their name. */
public record PublicProfile(UUID id,
                            String username,
                            @JsonProperty("display_name") String displayName,
                            UserStatus status,
                            @JsonProperty("created_at") Instant createdAt,
                            @JsonProperty("status_text") String statusText) {
}
