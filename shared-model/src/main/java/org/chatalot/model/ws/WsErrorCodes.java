package org.chatalot.model.ws;

/** Values of {@code error.code} that only the WebSocket uses (REST codes apply too, e.g. {@code not_found}). */
public final class WsErrorCodes {
    public static final String INVALID_MESSAGE = "invalid_message";
    public static final String NOT_AUTHENTICATED = "not_authenticated";
    public static final String AUTH_TIMEOUT = "auth_timeout";
    public static final String AUTH_FAILED = "auth_failed";
    public static final String ALREADY_AUTHENTICATED = "already_authenticated";
    public static final String RATE_LIMITED = "rate_limited";
    public static final String TOO_MANY_SOCKETS = "too_many_sockets";
    public static final String MESSAGE_TOO_BIG = "message_too_big";
    public static final String NOT_MEMBER = "not_member";
    /** The voice channel's call already has the maximum number of participants. */
    public static final String VOICE_FULL = "voice_full";
    /** {@code join_voice}/{@code leave_voice} again within the cooldown. */
    public static final String VOICE_COOLDOWN = "voice_cooldown";
    /** Signaling from or to someone who is not in the sender's current call. */
    public static final String NOT_IN_CALL = "not_in_call";

    private WsErrorCodes() {
    }
}
