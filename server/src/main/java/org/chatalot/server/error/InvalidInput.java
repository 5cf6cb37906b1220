package org.chatalot.server.error;

import org.chatalot.model.error.ErrorCodes;

/** Input that breaks a rule; {@code field} names which part of the request (null when not one field). */
public final class InvalidInput extends ServiceException {
    private final String field;

    public InvalidInput(String field, String message) {
        this(ErrorCodes.VALIDATION_FAILED, field, message);
    }

    public InvalidInput(String code, String field, String message) {
        super(code, field == null ? message : field + ": " + message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
