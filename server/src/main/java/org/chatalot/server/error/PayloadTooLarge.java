package org.chatalot.server.error;

import org.chatalot.model.error.ErrorCodes;

/** A body, file or quota is over its limit. */
public final class PayloadTooLarge extends ServiceException {
    public PayloadTooLarge(String message) {
        super(ErrorCodes.PAYLOAD_TOO_LARGE, message);
    }

    public PayloadTooLarge(String code, String message) {
        super(code, message);
    }
}
