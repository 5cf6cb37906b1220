package org.chatalot.server.error;

import org.chatalot.model.error.ErrorCodes;

/** The server cannot serve this now (database down, shutting down, overloaded); try again later. */
public final class Unavailable extends ServiceException {
    private final long retryAfterSeconds;

    public Unavailable(String message, long retryAfterSeconds) {
        this(ErrorCodes.UNAVAILABLE, message, retryAfterSeconds);
    }

    public Unavailable(String code, String message, long retryAfterSeconds) {
        super(code, message);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
