package org.chatalot.server.error;

import java.util.List;

import org.chatalot.model.error.ErrorCodes;

/** The path exists but not with this method; {@code allowed} lists the ones it has. */
public final class MethodNotAllowed extends ServiceException {
    private final List<String> allowed;

    public MethodNotAllowed(String method, List<String> allowed) {
        super(ErrorCodes.METHOD_NOT_ALLOWED, method + " is not allowed here; use " + String.join(", ", allowed));
        this.allowed = List.copyOf(allowed);
    }

    public List<String> allowed() {
        return allowed;
    }
}
