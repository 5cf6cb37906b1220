package org.chatalot.bench.room;

/** Receives every text frame that arrives on member {@code member}'s socket, on the socket's own thread. */
@FunctionalInterface
public interface FrameSink {
    void frame(int member, CharSequence frame);
}
