package org.chatalot.model.auth;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A second factor for account changes: {@code code} from the authenticator (or {@code backup_code}),
 * and the password where the change needs it (disabling 2FA, new backup codes).
 */
public record TotpCodeRequest(String code, @JsonProperty("backup_code") String backupCode, String password) {
}
