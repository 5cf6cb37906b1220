package org.chatalot.server.realtime;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import io.helidon.common.buffers.DataWriter;
import io.helidon.websocket.WsSession;

import org.chatalot.model.ws.CloseCodes;

/**
 * What one WebSocket sends: every frame goes through a bounded queue drained by a writer thread of this
 * socket, so a client that stops reading fills only its own queue. When the queue is full the socket is closed
 * as a slow consumer (its session stays resumable), and a writer stuck on a dead TCP connection is interrupted,
 * which closes it. The writer writes whatever is queued at once: several frames, one write ({@link FrameBatch}).
 *
 * <p>An idle socket should cost little memory: the writer thread exists only while frames are queued (it is
 * started when the queue stops being empty and ends when it has emptied it), the queue holds nodes only for
 * what is waiting, and frames do not go through Helidon's per-socket send buffer, which would grow to the
 * largest frame ever written and stay. An event's JSON is queued as the UTF-8 bytes every recipient shares;
 * the batch adds each frame's header and sequence number beside them without copying them.
 */
final class SocketWriter {
    static final int QUEUE_CAPACITY = 1024;
    /** A batch is written once it holds this much, so that one burst does not build one huge array. */
    static final int BATCH_BYTES = 64 * 1024;
    private static final Object PING = new Object();
    private static final System.Logger LOG = System.getLogger(SocketWriter.class.getName());

    private final Connection connection;
    private final Hub hub;
    private final ConcurrentLinkedQueue<Object> queue = new ConcurrentLinkedQueue<>();
    /** What is in the queue (or about to be): bounds it, which the queue itself does not. */
    private final AtomicInteger queued = new AtomicInteger();
    /** True while a writer thread runs; only the thread that sets it starts one. */
    private final AtomicBoolean writing = new AtomicBoolean();
    private final AtomicBoolean closing = new AtomicBoolean();
    /** While true, frames are queued but no writer starts (see {@link #hold()}). */
    private volatile boolean held;
    private volatile WsSession socket;
    private volatile DataWriter out;
    private volatile Thread writer;

    SocketWriter(Connection connection, Hub hub) {
        this.connection = connection;
        this.hub = hub;
    }

    /** The socket is open: frames go to {@code out}, below Helidon's send; its close frame through {@code socket}. */
    void open(WsSession socket, DataWriter out) {
        this.socket = socket;
        this.out = out;
    }

    /** A numbered event; its frame is built on the writer thread. */
    void numbered(Numbered event) {
        enqueue(event);
    }

    /** A text frame, UTF-8. */
    void text(byte[] frame) {
        enqueue(frame);
    }

    /** A ping frame with no payload. */
    void ping() {
        enqueue(PING);
    }

    /** The answer to a client's ping, with its payload. */
    void pong(byte[] payload) {
        enqueue(new Pong(payload));
    }

    /** Closes after the frames already queued have been written. */
    void close(int code, String reason) {
        if (closing.compareAndSet(false, true) && !offer(new Close(code, reason, false))) {
            abort(code, reason);
        }
    }

    /** Closes now: whatever is queued is dropped (a resume will replay it). */
    void abort(int code, String reason) {
        closing.set(true);
        if (connection.isFinished()) {
            return;
        }
        clearQueue();
        queued.incrementAndGet();
        queue.offer(new Close(code, reason, true));
        // A writer blocked on the network now would never reach the close; one that reaches it schedules
        // the same for itself.
        Thread current = writer;
        if (current != null) {
            hub.scheduleAbort(connection, current);
        }
        wakeWriter();
    }

    boolean isClosing() {
        return closing.get();
    }

    /**
     * The socket has ended: nothing more is queued, what waits is dropped, and a writer still running is
     * interrupted, since a write it is blocked in would never end.
     */
    void stop() {
        closing.set(true);
        clearQueue();
        Thread stillWriting = writer;
        if (writing.get() && stillWriting != null && stillWriting != Thread.currentThread()) {
            stillWriting.interrupt();
        }
    }

    private void enqueue(Object item) {
        if (closing.get() && !(item instanceof Close)) {
            return;
        }
        if (!offer(item)) {
            hub.slowConsumer(connection);
            abort(CloseCodes.SLOW_CONSUMER, "too slow reading events; reconnect and resume");
        }
    }

    private boolean offer(Object item) {
        if (queued.incrementAndGet() > QUEUE_CAPACITY) {
            queued.decrementAndGet();
            return false;
        }
        queue.offer(item);
        wakeWriter();
        return true;
    }

    private void clearQueue() {
        while (queue.poll() != null) {
            queued.decrementAndGet();
        }
    }

    /**
     * Queues without writing until {@link #release()}: a new socket's {@code authenticated} must be its first
     * frame, so it is queued before the session can be found, but it must not reach the client before the
     * session can be found either, or what the client does on reading it (a message, a join) could be announced
     * to every session but this one.
     */
    void hold() {
        held = true;
    }

    /** Writes what was queued while held, and from now on as it comes. */
    void release() {
        held = false;
        // After clearing the flag: a frame queued while it was set found it set and started no writer.
        if (!queue.isEmpty()) {
            wakeWriter();
        }
    }

    /** Starts a writer unless one runs or writes are held; one that is ending checks the queue again. */
    private void wakeWriter() {
        if (held) {
            return;
        }
        if (writing.compareAndSet(false, true)) {
            Thread started = Thread.ofVirtual().name("ws-writer").unstarted(this::writeQueued);
            writer = started;
            started.start();
        }
    }

    /** The writer thread: writes what is queued, in batches, and ends when the queue is empty. */
    private void writeQueued() {
        FrameBatch batch = new FrameBatch();
        try {
            while (true) {
                Object item = held ? null : queue.poll();
                if (item == null) {
                    flush(batch);
                    if (stopWriting()) {
                        return;
                    }
                    continue;
                }
                queued.decrementAndGet();
                if (item instanceof Close close) {
                    if (close.now()) {
                        hub.scheduleAbort(connection, Thread.currentThread());
                    }
                    flush(batch);
                    socket.close(close.code(), close.reason());
                    connection.finish();
                    return;
                }
                add(batch, item);
                if (batch.size() >= BATCH_BYTES) {
                    flush(batch);
                }
            }
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.DEBUG, "WebSocket write to " + connection.clientIp() + " failed", e);
            connection.finish();
        }
    }

    /**
     * Ends this writer, unless a frame was queued after the queue was last seen empty: its sender may have
     * found the writer still running and started none, so this one goes on. Only the thread that holds
     * {@code writing} sets {@code writer}; an ended writer is not kept (a thread object and its stack).
     */
    private boolean stopWriting() {
        writer = null;
        writing.set(false);
        // Held: release() starts a writer for what waits (it clears the flag before it looks at the queue).
        if (held || queue.isEmpty() || !writing.compareAndSet(false, true)) {
            return true;
        }
        writer = Thread.currentThread();
        return false;
    }

    private static void add(FrameBatch batch, Object item) {
        if (item instanceof Numbered numbered) {
            batch.numbered(numbered.seq(), numbered.body());
        } else if (item instanceof byte[] frame) {
            batch.text(frame);
        } else if (item == PING) {
            batch.ping();
        } else if (item instanceof Pong pong) {
            batch.pong(pong.payload());
        }
    }

    /**
     * One write for every frame in the batch; below Helidon's send, which writes frame by frame. Helidon's
     * send lock is not ours to take, so the few frames Helidon still writes itself on the reader thread (its
     * answer to a client's close, the close for a frame it refuses) are kept apart from ours only by the
     * socket's write lock, held for one write call: a batch the kernel takes in several calls could let such
     * a close frame in between. Both follow the client ending the conversation.
     */
    private void flush(FrameBatch batch) {
        if (!batch.isEmpty()) {
            out.writeNow(batch.take());
        }
    }

    /** {@code now}: from {@link #abort}, so a writer that gets stuck writing it is interrupted. */
    private record Close(int code, String reason, boolean now) {
    }

    private record Pong(byte[] payload) {
    }
}
