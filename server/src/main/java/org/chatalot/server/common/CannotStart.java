package org.chatalot.server.common;

/**
 * The server cannot start for a reason outside its settings and its code (its disk is full): start-up stops
 * with this one line for the operator, and no stack trace.
 */
public final class CannotStart extends RuntimeException {
    public CannotStart(String message) {
        super(message, null, false, false);
    }
}
