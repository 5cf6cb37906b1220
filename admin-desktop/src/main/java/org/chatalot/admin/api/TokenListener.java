package org.chatalot.admin.api;

/**
 * Told whenever the session's refresh token changes. Refresh tokens are single-use: the new one must replace the
 * stored one every time, or the next start would present a spent token and sign the session out.
 */
public interface TokenListener {
    TokenListener NONE = new TokenListener() {
    };

    default void refreshTokenChanged(String refreshToken) {
    }

    default void signedOut() {
    }
}
