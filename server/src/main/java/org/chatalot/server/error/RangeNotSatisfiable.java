package org.chatalot.server.error;

import org.chatalot.model.error.ErrorCodes;

/** A {@code Range} request that starts past the end of the content; the client learns the real length. */
public final class RangeNotSatisfiable extends ServiceException {
    private final long length;

    public RangeNotSatisfiable(long length) {
        super(ErrorCodes.RANGE_NOT_SATISFIABLE, "the requested range is outside the file, which has " + length
                + " bytes");
        this.length = length;
    }

    public long length() {
        return length;
    }
}
