package org.chatalot.server.error;

/** The request clashes with current state, e.g. a username already taken. */
public final class Conflict extends ServiceException {
    private final String field;

    public Conflict(String code, String field, String message) {
        super(code, message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
