package org.chatalot.server.call;

import org.chatalot.server.common.RealtimeSessionId;

/**
 * The one thing calls need to know about the realtime layer: whether a realtime session currently has a
 * socket. Implemented by the realtime session registry, so this package does not depend on it.
 */
public interface Sockets {

    /** True while the realtime session exists and a socket is attached to it. */
    boolean isAttached(RealtimeSessionId realtimeSessionId);
}
