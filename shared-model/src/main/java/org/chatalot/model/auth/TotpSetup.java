package org.chatalot.model.auth;

import com.fasterxml.jackson.annotation.JsonProperty;

/** {@code POST /api/account/totp/setup}: the secret to enter in an authenticator app (not active yet). */
public record TotpSetup(String secret, @JsonProperty("otpauth_url") String otpauthUrl) {
}
