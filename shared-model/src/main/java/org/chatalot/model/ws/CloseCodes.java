package org.chatalot.model.ws;

/** Close codes the server uses. 4xxx are Chatalot's own; clients decide from these whether to reconnect. */
public final class CloseCodes {
    /** Server shutting down: reconnect later (and resume). */
    public static final int GOING_AWAY = 1001;
    /** A binary frame: the protocol is JSON text. */
    public static final int UNSUPPORTED_DATA = 1003;
    /** A text frame that is not UTF-8 (each frame must hold whole characters). */
    public static final int INVALID_PAYLOAD = 1007;
    /** A frame or message over 1 MiB. */
    public static final int MESSAGE_TOO_BIG = 1009;
    public static final int INTERNAL_ERROR = 1011;
    /** No {@code authenticate} or {@code resume} within 10 s. */
    public static final int AUTH_TIMEOUT = 4001;
    /** The token was not valid: refresh it, then reconnect. */
    public static final int AUTH_FAILED = 4002;
    /** Signed out, suspended or deleted: do not reconnect with these credentials. */
    public static final int FORCE_LOGOUT = 4003;
    /** The user already has the maximum number of sockets open. */
    public static final int TOO_MANY_SOCKETS = 4004;
    /** The client did not read fast enough; reconnect and resume to catch up. */
    public static final int SLOW_CONSUMER = 4005;
    /** Two ping frames went unanswered. */
    public static final int PING_TIMEOUT = 4006;
    /** The session was resumed on another socket. */
    public static final int SESSION_RESUMED_ELSEWHERE = 4007;

    private CloseCodes() {
    }
}
