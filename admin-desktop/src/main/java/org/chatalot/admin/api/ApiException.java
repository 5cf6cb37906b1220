package org.chatalot.admin.api;

/**
 * The server answered, but with an error: its status, the machine-readable {@code error.code} and its message,
 * which is what the admin is shown (e.g. "cannot suspend the owner").
 */
public final class ApiException extends RuntimeException {
    private final int status;
    private final String code;
    private final String field;

    public ApiException(int status, String code, String message, String field) {
        super(message);
        this.status = status;
        this.code = code;
        this.field = field;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public String field() {
        return field;
    }

    public boolean hasCode(String value) {
        return value.equals(code);
    }
}
