package org.chatalot.bench.room;

import java.util.function.Consumer;

/** One connected member of the benchmark room. */
public interface RoomMember {

    /** Posts {@code text} to the room (wrapped as the server's protocol wants); returns once it is written. */
    void send(String text);

    void close();

    /** A member from its two actions. */
    static RoomMember of(Consumer<String> send, Runnable close) {
        return new RoomMember() {
            @Override
            public void send(String text) {
                send.accept(text);
            }

            @Override
            public void close() {
                close.run();
            }
        };
    }
}
