package org.chatalot.server.common;

import java.util.UUID;

import org.chatalot.model.user.Role;

/**
 * Who performs an admin action and from where: a signed-in admin, or the operator on the box using the
 * local admin commands (no account, owner powers, because whoever can read {@code DATA_DIR} owns the
 * instance anyway).
 *
 * @param userId null for the local operator
 */
public record Actor(UUID userId, String name, Role role, Origin origin) {
    public static final String LOCAL_NAME = "local-admin";

    public static Actor of(Principal principal, Origin origin) {
        return new Actor(principal.userId(), principal.username(), principal.role(), origin);
    }

    public static Actor local() {
        return new Actor(null, LOCAL_NAME, Role.OWNER, Origin.LOCAL);
    }

    public boolean isLocal() {
        return userId == null;
    }

    public boolean is(UUID otherUserId) {
        return userId != null && userId.equals(otherUserId);
    }
}
