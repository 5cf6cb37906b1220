package org.chatalot.model.auth;

import com.fasterxml.jackson.annotation.JsonProperty;

/** {@code PUT /api/account/password}. Other sessions are signed out; this one stays. */
public record ChangePasswordRequest(@JsonProperty("current_password") String currentPassword,
                                    @JsonProperty("new_password") String newPassword) {
}
