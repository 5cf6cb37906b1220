package org.chatalot.model.auth;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * {@code POST /api/auth/register}. {@code invite_code} is needed in invite-only mode; {@code setup_code}
 * (printed by the server when it has no owner) creates the owner in any mode.
 */
public record RegisterRequest(String username,
                              @JsonProperty("display_name") String displayName,
                              String email,
                              String password,
                              @JsonProperty("invite_code") String inviteCode,
                              @JsonProperty("setup_code") String setupCode) {
}
