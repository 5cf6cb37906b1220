package org.chatalot.server.realtime;

/**
 * An event numbered for one session, as queued for its socket: its place in the session's stream and its JSON
 * (UTF-8, shared by every session that gets it). It lives until the socket's writer has taken it; what a
 * resume may need is kept by the session's {@link ReplayBuffer}.
 */
record Numbered(long seq, byte[] body) {
}
