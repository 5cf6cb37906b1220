package org.chatalot.server.cli;

/** A command that could not do its job; the message is for the operator, the code for scripts. */
final class CliFailure extends RuntimeException {
    /** The server said no (unknown user, a safety rule, …). */
    static final int REFUSED = 1;
    /** No server, no token file, or a token the server does not accept. */
    static final int UNREACHABLE = 3;

    private final int exitCode;

    CliFailure(int exitCode, String message) {
        super(message, null, false, false);
        this.exitCode = exitCode;
    }

    int exitCode() {
        return exitCode;
    }
}
