package org.chatalot.bench.room;

import java.util.List;

/** A running chat server with one room that the load generator can fill with members. */
public interface RoomServer extends AutoCloseable {

    /** How results name it, e.g. "Chatalot" or "ejabberd 23.01". */
    String name();

    /** The server's process (tree), for CPU and memory. */
    ProcessHandle process();

    /**
     * Connects {@code members} clients and puts them all in one room; every frame member {@code i} receives
     * afterwards goes to {@code sink} with {@code i}. Returns when all of them are in.
     */
    List<RoomMember> join(int members, FrameSink sink) throws Exception;

    /** Stops the server (and everything it started). */
    @Override
    void close();
}
