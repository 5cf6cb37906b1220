package org.chatalot.server.realtime;

import java.util.function.Consumer;

/**
 * The numbered events a session keeps for a resume, oldest first, with consecutive numbers: a ring of their
 * bodies and delivery times rather than an object per event. At 200 messages a second to a 50-member channel
 * each session kept its last 256 events for about 1.3 s, so an object per delivery (9,800 a second) lived
 * through several young collections and was promoted, to die in the old generation; the bodies are shared by
 * every recipient, one per message. An idle session holds no arrays at all.
 */
final class ReplayBuffer {
    private static final byte[][] NO_BODIES = new byte[0][];
    private static final long[] NO_TIMES = new long[0];
    private static final int FIRST_CAPACITY = 8;

    private byte[][] bodies = NO_BODIES;
    private long[] times = NO_TIMES;
    /** Where the oldest event is in the arrays. */
    private int oldest;
    private int size;
    private long oldestSeq;
    private int bytes;

    /** Adds the event numbered {@code seq}, which must follow the newest one kept (any number when empty). */
    void add(long seq, byte[] body, long at) {
        if (size > 0 && seq != oldestSeq + size) {
            throw new IllegalArgumentException("event " + seq + " does not follow " + (oldestSeq + size - 1));
        }
        if (size == bodies.length) {
            grow();
        }
        if (size == 0) {
            oldest = 0;
            oldestSeq = seq;
        }
        int slot = (oldest + size) % bodies.length;
        bodies[slot] = body;
        times[slot] = at;
        size++;
        bytes += body.length;
    }

    int size() {
        return size;
    }

    /** UTF-8 bytes of the events kept. */
    int bytes() {
        return bytes;
    }

    /** When the oldest event kept was delivered; only while {@link #size()} is not 0. */
    long oldestAt() {
        return times[oldest];
    }

    /** Drops the oldest event kept and returns its number; only while {@link #size()} is not 0. */
    long dropOldest() {
        long seq = oldestSeq;
        bytes -= bodies[oldest].length;
        bodies[oldest] = null;
        oldest = (oldest + 1) % bodies.length;
        oldestSeq++;
        size--;
        if (size == 0) {
            release();
        }
        return seq;
    }

    void clear() {
        size = 0;
        bytes = 0;
        release();
    }

    /** Hands every event kept with a number above {@code lastSeq} to {@code to}, oldest first. */
    void replayAfter(long lastSeq, Consumer<Numbered> to) {
        for (int i = 0; i < size; i++) {
            long seq = oldestSeq + i;
            if (seq > lastSeq) {
                to.accept(new Numbered(seq, bodies[(oldest + i) % bodies.length]));
            }
        }
    }

    private void grow() {
        int capacity = Math.max(FIRST_CAPACITY, bodies.length * 2);
        byte[][] newBodies = new byte[capacity][];
        long[] newTimes = new long[capacity];
        for (int i = 0; i < size; i++) {
            int slot = (oldest + i) % bodies.length;
            newBodies[i] = bodies[slot];
            newTimes[i] = times[slot];
        }
        bodies = newBodies;
        times = newTimes;
        oldest = 0;
    }

    /** An empty buffer gives its arrays back: a session that went quiet keeps nothing. */
    private void release() {
        bodies = NO_BODIES;
        times = NO_TIMES;
        oldest = 0;
    }
}
