package org.chatalot.server.error;

import org.chatalot.model.error.ErrorCodes;

/** The thing does not exist, or the caller may not know that it does. */
public final class NotFound extends ServiceException {
    public NotFound(String message) {
        super(ErrorCodes.NOT_FOUND, message);
    }
}
