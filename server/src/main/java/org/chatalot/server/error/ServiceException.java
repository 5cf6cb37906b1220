package org.chatalot.server.error;

/**
 * A failure the client caused or should know about, with a stable machine-readable code and a message
 * safe to show. Never carries internals: unexpected failures are plain exceptions and become a 500.
 */
public abstract sealed class ServiceException extends RuntimeException
        permits InvalidInput, NotFound, Conflict, Forbidden, Unauthorized, TooMany, PayloadTooLarge,
        UnsupportedMedia, Unavailable, MethodNotAllowed, RangeNotSatisfiable {
    private final String code;

    protected ServiceException(String code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
