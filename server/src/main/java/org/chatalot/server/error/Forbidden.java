package org.chatalot.server.error;

import org.chatalot.model.error.ErrorCodes;

/** The caller is known but not allowed to do this. */
public final class Forbidden extends ServiceException {
    public Forbidden(String message) {
        super(ErrorCodes.FORBIDDEN, message);
    }

    public Forbidden(String code, String message) {
        super(code, message);
    }
}
