package org.chatalot.admin.common;

/** The server no longer accepts this session (refresh token expired, reused or revoked): sign in again. */
public final class SessionExpiredException extends RuntimeException {
    public SessionExpiredException(String message) {
        super(message);
    }
}
