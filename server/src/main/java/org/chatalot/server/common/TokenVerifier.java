package org.chatalot.server.common;

import java.util.UUID;

/**
 * Turns an access token into the caller it belongs to, or throws {@code Unauthorized}. Implemented by the
 * auth feature; used by the HTTP authorisation helper and the WebSocket.
 */
public interface TokenVerifier {
    Principal verify(String accessToken);

    /**
     * The caller of a token verified earlier, as of now: the role read again, and {@code Unauthorized} when
     * the account is no longer active or the session was signed out. A WebSocket verifies its token once and
     * then acts for hours; it asks this before every action so that privilege is never remembered.
     */
    Principal current(UUID userId, UUID sessionId);
}
