package org.chatalot.server.http;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.function.Supplier;

import io.helidon.common.buffers.DataReader;

/**
 * Helidon {@link DataReader}s that let go of what they have read.
 *
 * <p>A {@code DataReader} keeps a connection's bytes as a linked list of nodes, one per socket read, and moves
 * its head along the list as the bytes are consumed, without clearing the old head's link to the next node.
 * A consumed node is garbage, but if it had already reached the old generation it is not collected until a
 * full collection, and until then its link keeps the next node alive through every young collection, that
 * one the next, and so on: everything the connection reads from then on is copied and promoted. Heads reach
 * the old generation easily: a keep-alive connection's head waits between requests through many young
 * collections, and a full collection moves every live node there. Measured (docs/performance.md, "W5"):
 * ten concurrent 100 MB uploads grew the server by 451 MiB, young collections freeing nothing until a full
 * one.
 *
 * <p>The reader made here unlinks each consumed node from the next one when it next reads the socket (the
 * head has moved past them by then), before the read blocks. A supplier that would rather not be wrapped (a
 * WebSocket's: each wrapper is one more frame on the stack of every idle socket's parked reader) calls
 * {@link #unlinkConsumed} itself before each read. Helidon's fields are private, so this reaches them through a
 * private lookup; should a Helidon release rename them, the reader still works, only without the unlinking
 * ({@link #unlinks()} says which, and the server logs it once).
 */
public final class DataReaders {
    private static final System.Logger LOG = System.getLogger(DataReaders.class.getName());
    private static final VarHandle HEAD;
    private static final VarHandle NEXT;

    static {
        VarHandle head = null;
        VarHandle next = null;
        try {
            Class<?> node = Class.forName(DataReader.class.getName() + "$Node");
            MethodHandles.Lookup reader = MethodHandles.privateLookupIn(DataReader.class, MethodHandles.lookup());
            head = reader.findVarHandle(DataReader.class, "head", node);
            next = MethodHandles.privateLookupIn(node, MethodHandles.lookup()).findVarHandle(node, "next", node);
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "Helidon's DataReader is not as this server knows it ({0}): "
                    + "read buffers stay linked, and uploads may take more memory", e.toString());
            head = null;
            next = null;
        }
        HEAD = head;
        NEXT = next;
    }

    private DataReaders() {
    }

    /** A reader of what {@code reads} supplies (each array one read; {@code null} at the end of the stream). */
    public static DataReader unlinking(Supplier<byte[]> reads) {
        Unlinking supplier = new Unlinking(reads);
        DataReader reader = DataReader.create(supplier);
        supplier.reader = reader;
        return reader;
    }

    /**
     * Unlinks the nodes {@code reader} has consumed since its last read, and returns what to pass as
     * {@code headAtLastRead} before the next one ({@code null} before the first). Call it from the reader's
     * supplier, on the reader's thread, before the supplier reads.
     */
    public static Object unlinkConsumed(DataReader reader, Object headAtLastRead) {
        if (HEAD == null) {
            return null;
        }
        Object head = HEAD.get(reader);
        Object node = headAtLastRead;
        while (node != null && node != head) {
            Object next = NEXT.get(node);
            NEXT.set(node, null);
            node = next;
        }
        return head;
    }

    /** Whether this Helidon's reader could be reached: false means readers are made, but not unlinked. */
    static boolean unlinks() {
        return HEAD != null;
    }

    private static final class Unlinking implements Supplier<byte[]> {
        private final Supplier<byte[]> reads;
        private DataReader reader;
        /** The reader's head at its last read: it and the nodes after it up to the head now are consumed. */
        private Object headAtLastRead;

        Unlinking(Supplier<byte[]> reads) {
            this.reads = reads;
        }

        /** Called by the reader's thread only, from {@link DataReader#pullData()}. */
        @Override
        public byte[] get() {
            headAtLastRead = unlinkConsumed(reader, headAtLastRead);
            return reads.get();
        }
    }
}
