package org.chatalot.model.auth;

import com.fasterxml.jackson.annotation.JsonProperty;

/** {@code POST /api/auth/recover}: reset a forgotten password with the recovery code shown at registration. */
public record RecoverRequest(String username,
                             @JsonProperty("recovery_code") String recoveryCode,
                             @JsonProperty("new_password") String newPassword) {
}
