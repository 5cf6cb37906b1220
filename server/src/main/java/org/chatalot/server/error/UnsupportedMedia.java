package org.chatalot.server.error;

import org.chatalot.model.error.ErrorCodes;

/** The body's type is not one this endpoint accepts. */
public final class UnsupportedMedia extends ServiceException {
    public UnsupportedMedia(String message) {
        super(ErrorCodes.UNSUPPORTED_MEDIA_TYPE, message);
    }

    public UnsupportedMedia(String code, String message) {
        super(code, message);
    }
}
