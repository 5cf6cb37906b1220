package org.chatalot.model.admin;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonProperty;

import org.chatalot.model.user.Role;
import org.chatalot.model.user.UserStatus;

/** A user as admins see them: {@code GET /api/admin/users}. */
public record AdminUser(UUID id,
                        String username,
                        @JsonProperty("display_name") String displayName,
                        String email,
                        Role role,
                        UserStatus status,
                        @JsonProperty("status_reason") String statusReason,
                        @JsonProperty("totp_enabled") boolean totpEnabled,
                        @JsonProperty("created_at") Instant createdAt,
                        @JsonProperty("last_seen_at") Instant lastSeenAt,
                        @JsonProperty("storage_bytes") long storageBytes,
                        @JsonProperty("active_sessions") int activeSessions,
                        @JsonProperty("locked_until") Instant lockedUntil) {
}
