package org.chatalot.model.auth;

import com.fasterxml.jackson.annotation.JsonProperty;

/** {@code POST /api/auth/login}. With 2FA on, send {@code totp_code} or one unused {@code backup_code}. */
public record LoginRequest(String username,
                           String password,
                           @JsonProperty("totp_code") String totpCode,
                           @JsonProperty("backup_code") String backupCode) {

    public static LoginRequest of(String username, String password) {
        return new LoginRequest(username, password, null, null);
    }
}
