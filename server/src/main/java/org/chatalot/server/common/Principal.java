package org.chatalot.server.common;

import java.util.UUID;

import org.chatalot.model.user.Role;

/**
 * The authenticated caller: whose token it is, their role as of now (not as written in the token), and
 * the signed-in session the token belongs to.
 */
public record Principal(UUID userId, String username, Role role, UUID sessionId) {

    public boolean isAdmin() {
        return role.atLeast(Role.ADMIN);
    }
}
