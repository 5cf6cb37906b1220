package org.chatalot.model.auth;

import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Answer to register, login, refresh and recover. The access token is a 15-minute JWT for the
 * {@code Authorization: Bearer} header and the WebSocket; the refresh token is single-use and must be
 * stored by the client in place of the previous one. {@code recovery_code} appears only when a new one
 * was just issued (registration, recovery) and is shown to the user once.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AuthTokens(@JsonProperty("access_token") String accessToken,
                         @JsonProperty("token_type") String tokenType,
                         @JsonProperty("expires_in") long expiresIn,
                         @JsonProperty("refresh_token") String refreshToken,
                         @JsonProperty("refresh_expires_in") long refreshExpiresIn,
                         @JsonProperty("session_id") UUID sessionId,
                         Me user,
                         @JsonProperty("recovery_code") String recoveryCode) {
}
