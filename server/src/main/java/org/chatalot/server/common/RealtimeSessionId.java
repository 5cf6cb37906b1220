package org.chatalot.server.common;

import java.util.Objects;
import java.util.UUID;

/**
 * One realtime (WebSocket) session: the numbered stream of events a client receives, which outlives any one
 * socket by the resume window. Features name it, never a socket: the session a message came from, the
 * session a call is joined from.
 */
public record RealtimeSessionId(UUID value) {

    public RealtimeSessionId {
        Objects.requireNonNull(value, "value");
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
