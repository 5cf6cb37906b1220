package org.chatalot.server.error;

import org.chatalot.model.error.ErrorCodes;

/** No valid credentials: log in (again). */
public final class Unauthorized extends ServiceException {
    public Unauthorized(String message) {
        super(ErrorCodes.UNAUTHORIZED, message);
    }

    public Unauthorized(String code, String message) {
        super(code, message);
    }
}
