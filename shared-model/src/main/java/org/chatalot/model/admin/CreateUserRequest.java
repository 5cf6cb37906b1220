package org.chatalot.model.admin;

import com.fasterxml.jackson.annotation.JsonProperty;

import org.chatalot.model.user.Role;

/**
 * {@code POST /api/admin/users}. Without {@code password} the server generates a temporary one and returns
 * it once; the user should change it at first sign-in. {@code role} defaults to member (admin needs owner).
 */
public record CreateUserRequest(String username,
                                @JsonProperty("display_name") String displayName,
                                String email,
                                String password,
                                Role role) {
}
