package org.chatalot.server.realtime;

/**
 * An event numbered for one session: its place in the session's stream, its JSON (UTF-8, shared by every
 * session that gets it) and when it was delivered. The same object is kept for replay and queued for the
 * socket, so numbering an event for a session costs one small object.
 */
record Numbered(long seq, byte[] body, long at) {
}
