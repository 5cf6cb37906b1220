package org.chatalot.server.realtime;

import java.util.concurrent.ConcurrentHashMap;

/**
 * How many messages each socket has queued for storage and not yet acknowledged. A socket's reader does not
 * wait for commits, so without a cap one client could queue unbounded work; beyond the cap a message is
 * refused at once. A socket has an entry only while something is in flight, so nothing outlives it.
 */
final class SendWindow {
    private final int cap;
    private final ConcurrentHashMap<Connection, Integer> inFlight = new ConcurrentHashMap<>();

    SendWindow(int cap) {
        this.cap = cap;
    }

    int cap() {
        return cap;
    }

    /** Takes a place for one more message; false when the socket already has {@code cap} in flight. */
    boolean tryTake(Connection connection) {
        boolean[] taken = {false};
        inFlight.compute(connection, (socket, count) -> {
            int current = count == null ? 0 : count;
            if (current >= cap) {
                return count;
            }
            taken[0] = true;
            return current + 1;
        });
        return taken[0];
    }

    /** Gives back the place of a message that was stored or refused. */
    void release(Connection connection) {
        inFlight.computeIfPresent(connection, (socket, count) -> count <= 1 ? null : count - 1);
    }
}
