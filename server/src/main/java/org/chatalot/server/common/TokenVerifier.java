package org.chatalot.server.common;

/**
 * Turns an access token into the caller it belongs to, or throws {@code Unauthorized}. Implemented by the
 * auth feature; used by the HTTP authorisation helper and the WebSocket.
 */
public interface TokenVerifier {
    Principal verify(String accessToken);
}
