package org.chatalot.model.auth;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonProperty;

import org.chatalot.model.user.Role;
import org.chatalot.model.user.UserStatus;

/** The signed-in user's own account, {@code GET /api/account/me}. */
public record Me(UUID id,
                 String username,
                 @JsonProperty("display_name") String displayName,
                 String email,
                 Role role,
                 UserStatus status,
                 @JsonProperty("totp_enabled") boolean totpEnabled,
                 @JsonProperty("created_at") Instant createdAt,
                 @JsonProperty("status_text") String statusText) {

    public Me(UUID id, String username, String displayName, String email, Role role, UserStatus status,
              boolean totpEnabled, Instant createdAt) {
        this(id, username, displayName, email, role, status, totpEnabled, createdAt, null);
    }
}
