package org.chatalot.server.user;

import java.time.Instant;
import java.util.UUID;

import org.chatalot.model.auth.Me;
import org.chatalot.model.user.PublicProfile;
import org.chatalot.model.user.Role;
import org.chatalot.model.user.UserStatus;

/** An account row. Holds secrets (hashes, the encrypted TOTP secret): never serialise it directly. */
public record User(UUID id,
                   String username,
                   String displayName,
                   String email,
                   String passwordHash,
                   Role role,
                   UserStatus status,
                   String statusReason,
                   String recoveryCodeHash,
                   byte[] totpSecret,
                   boolean totpEnabled,
                   Instant createdAt,
                   Instant lastSeenAt,
                   String statusText) {

    public boolean isActive() {
        return status == UserStatus.ACTIVE;
    }

    public Me toMe() {
        return new Me(id, username, displayName, email, role, status, totpEnabled, createdAt, statusText);
    }

    public PublicProfile toPublicProfile() {
        return status == UserStatus.DELETED
                ? new PublicProfile(id, "deleted-user", "Deleted user", status, createdAt, null)
                : new PublicProfile(id, username, displayName, status, createdAt, statusText);
    }

    /** Usernames and emails are unique regardless of case. */
    public static String key(String value) {
        return value == null ? null : value.toLowerCase(java.util.Locale.ROOT);
    }
}
