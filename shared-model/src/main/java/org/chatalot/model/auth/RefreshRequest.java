package org.chatalot.model.auth;

import com.fasterxml.jackson.annotation.JsonProperty;

/** {@code POST /api/auth/refresh} and {@code /api/auth/logout}: the refresh token of the session. */
public record RefreshRequest(@JsonProperty("refresh_token") String refreshToken) {
}
