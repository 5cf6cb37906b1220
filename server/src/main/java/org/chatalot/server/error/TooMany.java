package org.chatalot.server.error;

import org.chatalot.model.error.ErrorCodes;

/** A rate or concurrency limit was hit; retry after the given number of seconds. */
public final class TooMany extends ServiceException {
    private final long retryAfterSeconds;

    public TooMany(String message, long retryAfterSeconds) {
        this(ErrorCodes.RATE_LIMITED, message, retryAfterSeconds);
    }

    public TooMany(String code, String message, long retryAfterSeconds) {
        super(code, message);
        this.retryAfterSeconds = Math.max(1, retryAfterSeconds);
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
