package org.chatalot.server.realtime;

import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import io.helidon.common.buffers.BufferData;
import io.helidon.common.buffers.DataWriter;
import io.helidon.http.Headers;
import io.helidon.http.HttpPrologue;
import io.helidon.webserver.ConnectionContext;
import io.helidon.webserver.spi.ServerConnection;
import io.helidon.websocket.WsListener;
import io.helidon.websocket.WsSession;

import org.chatalot.model.ws.CloseCodes;
import org.chatalot.model.ws.ServerMessage;
import org.chatalot.model.ws.WsErrorCodes;
import org.chatalot.server.http.TokenBucket;

/**
 * One WebSocket. Helidon calls the listener methods on the socket's own reader thread; everything the
 * server sends goes through a bounded queue drained by a writer thread of this socket, so a client that
 * stops reading fills only its own queue. When the queue is full the socket is closed as a slow consumer
 * (its session stays resumable), and a writer stuck on a dead TCP connection is interrupted, which closes
 * it. The writer writes whatever is queued at once: several frames, one write ({@link FrameBatch}).
 *
 * <p>An idle socket should cost little memory, so nothing here lives longer than it is needed: the writer
 * thread exists only while frames are queued (it is started when the queue stops being empty and ends when
 * it has emptied it), the queue holds nodes only for what is waiting, a large incoming message's buffer is
 * let go once it is handled, and frames are encoded into a buffer of the batch, not Helidon's per-socket
 * send buffer, which would grow to the largest frame ever written and stay.
 */
final class Connection implements WsListener {
    static final int QUEUE_CAPACITY = 1024;
    static final int MAX_MESSAGE_CHARS = 1024 * 1024;
    /** Outgoing text longer than this goes out in WebSocket fragments of at most this many chars. */
    static final int FRAGMENT_CHARS = 4096;
    /** A reassembly buffer that grew beyond this is released after its message. */
    private static final int KEPT_BUFFER_CHARS = 8192;
    /** A batch is written once it holds this much, so that one burst does not build one huge array. */
    static final int BATCH_BYTES = 64 * 1024;
    private static final Object PING = new Object();
    private static final System.Logger LOG = System.getLogger(Connection.class.getName());

    private final Hub hub;
    private final TokenBucket bucket;
    private final ConcurrentLinkedQueue<Object> queue = new ConcurrentLinkedQueue<>();
    /** What is in the queue (or about to be): bounds it, which the queue itself does not. */
    private final AtomicInteger queued = new AtomicInteger();
    /** True while a writer thread runs; only the thread that sets it starts one. */
    private final AtomicBoolean writing = new AtomicBoolean();
    private final StringBuilder partial = new StringBuilder();
    private final AtomicInteger unansweredPings = new AtomicInteger();
    private final AtomicBoolean closing = new AtomicBoolean();
    private final AtomicBoolean finished = new AtomicBoolean();
    final long openedAt;
    private volatile WsSession socket;
    private volatile DataWriter out;
    private volatile Thread reader;
    private volatile Thread writer;
    private volatile RealtimeSession session;
    private volatile String clientIp = "unknown";

    Connection(Hub hub, TokenBucket bucket, long openedAt) {
        this.hub = hub;
        this.bucket = bucket;
        this.openedAt = openedAt;
    }

    @Override
    public Optional<Headers> onHttpUpgrade(HttpPrologue prologue, Headers headers) {
        clientIp = headers.first(OriginCheck.CLIENT_IP).orElse("unknown");
        return Optional.empty();
    }

    @Override
    public void onOpen(WsSession ws) {
        socket = ws;
        out = ((ConnectionContext) ws.socketContext()).dataWriter();
        reader = Thread.currentThread();
        if (ws.socketContext() instanceof ReadLoopEnd end) {
            end.onEnd(this::finish);
        } else {
            watchReader(reader);
        }
        hub.opened(this);
    }

    /**
     * When the peer drops the TCP connection (end of stream, no close frame), Helidon leaves its read loop by
     * throwing, without calling onClose or onError; only a later failed write would tell us.
     * {@link ReadLoopEnd} tells us as the read loop ends. A socket that did not come through our upgrade has
     * no such hook; its reader is a virtual thread of its own that ends right then, so a second thread waits
     * for it instead. Either way a dropped client is noticed at once (presence goes offline, a call's grace
     * starts, the session waits for a resume).
     */
    private void watchReader(Thread reader) {
        if (!reader.isVirtual()) {
            return;
        }
        Thread.ofVirtual().name("ws-reader-watch").start(() -> {
            try {
                reader.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            finish();
        });
    }

    @Override
    public void onMessage(WsSession ws, String text, boolean last) {
        if (partial.length() + text.length() > MAX_MESSAGE_CHARS) {
            releasePartial();
            sendError(WsErrorCodes.MESSAGE_TOO_BIG, "frames are limited to 1 MiB", null);
            close(CloseCodes.MESSAGE_TOO_BIG, "message too big");
            return;
        }
        String frame;
        if (last && partial.isEmpty()) {
            frame = text;
        } else {
            partial.append(text);
            if (!last) {
                return;
            }
            frame = partial.toString();
            releasePartial();
        }
        if (!bucket.tryTake(System.nanoTime())) {
            sendError(WsErrorCodes.RATE_LIMITED, "too many frames; slow down", null);
            return;
        }
        hub.received(this, frame);
    }

    private void releasePartial() {
        partial.setLength(0);
        if (partial.capacity() > KEPT_BUFFER_CHARS) {
            partial.trimToSize();
        }
    }

    /**
     * Binary frames are not part of the protocol. The socket is failed with 1003 (RFC 6455's code for data of
     * a type the endpoint does not accept) and nothing else is answered, before authentication or after:
     * answering each one would let a client make the server write as fast as it sends.
     */
    @Override
    public void onMessage(WsSession ws, BufferData buffer, boolean last) {
        close(CloseCodes.UNSUPPORTED_DATA, "binary frames are not part of the protocol; send JSON text");
    }

    @Override
    public void onPong(WsSession ws, BufferData buffer) {
        unansweredPings.set(0);
    }

    /**
     * RFC 6455 asks for a pong with the same payload; it goes through the queue like every other frame. A ping
     * takes from the socket's frame allowance like a text frame; beyond it the ping is not answered (an error
     * for each would be an answer too).
     */
    @Override
    public void onPing(WsSession ws, BufferData buffer) {
        if (!bucket.tryTake(System.nanoTime())) {
            return;
        }
        byte[] payload = new byte[buffer.available()];
        buffer.read(payload);
        enqueue(new Pong(payload));
    }

    @Override
    public void onClose(WsSession ws, int status, String reason) {
        finish();
    }

    @Override
    public void onError(WsSession ws, Throwable t) {
        LOG.log(System.Logger.Level.DEBUG, "WebSocket error from " + clientIp, t);
        finish();
    }

    /** A numbered event; the frame text is built on the writer thread. */
    void send(long seq, String body) {
        enqueue(new Numbered(seq, body));
    }

    /** A frame outside the session's numbering (before authentication, or the {@code resumed} marker). */
    void sendUnnumbered(String frame) {
        enqueue(frame);
    }

    void sendResumed(UUID sessionId, long replayed) {
        sendUnnumbered(hub.frames().body(new ServerMessage.Resumed(sessionId, replayed)));
    }

    void sendError(String code, String message, String clientId) {
        RealtimeSession current = session;
        ServerMessage error = new ServerMessage.Error(code, message, clientId);
        if (current != null) {
            hub.deliver(current, error);
        } else {
            sendUnnumbered(hub.frames().body(error));
        }
    }

    /** Sends a ping frame; returns false when two earlier pings went unanswered. */
    boolean ping() {
        if (unansweredPings.incrementAndGet() > 2) {
            return false;
        }
        enqueue(PING);
        return true;
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
        if (finished.get()) {
            return;
        }
        clearQueue();
        queued.incrementAndGet();
        queue.offer(new Close(code, reason, true));
        // A writer blocked on the network now would never reach the close; one that reaches it schedules
        // the same for itself.
        Thread current = writer;
        if (current != null) {
            hub.scheduleAbort(this, current);
        }
        wakeWriter();
    }

    boolean isClosing() {
        return closing.get();
    }

    /** True once the socket has ended for good (and the hub has been told). */
    boolean isFinished() {
        return finished.get();
    }

    RealtimeSession session() {
        return session;
    }

    void session(RealtimeSession attached) {
        session = attached;
    }

    String clientIp() {
        return clientIp;
    }

    private void enqueue(Object item) {
        if (closing.get() && !(item instanceof Close)) {
            return;
        }
        if (!offer(item)) {
            hub.slowConsumer(this);
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

    /** Starts a writer unless one runs; one that is ending checks the queue again after saying so. */
    private void wakeWriter() {
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
                Object item = queue.poll();
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
                        hub.scheduleAbort(this, Thread.currentThread());
                    }
                    flush(batch);
                    socket.close(close.code(), close.reason());
                    finish();
                    return;
                }
                add(batch, item);
                if (batch.size() >= BATCH_BYTES) {
                    flush(batch);
                }
            }
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.DEBUG, "WebSocket write to " + clientIp + " failed", e);
            finish();
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
        if (queue.isEmpty() || !writing.compareAndSet(false, true)) {
            return true;
        }
        writer = Thread.currentThread();
        return false;
    }

    private static void add(FrameBatch batch, Object item) {
        if (item instanceof Numbered numbered) {
            batch.numbered(numbered.seq(), numbered.body());
        } else if (item instanceof String frame) {
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

    /** Runs once, however the socket ended (client close, error, or our own close). */
    private void finish() {
        if (!finished.compareAndSet(false, true)) {
            return;
        }
        closing.set(true);
        hub.closed(this);
        clearQueue();
        Thread stillWriting = writer;
        if (writing.get() && stillWriting != null && stillWriting != Thread.currentThread()) {
            // the socket is gone: a write it is blocked in would never end
            stillWriting.interrupt();
        }
        Thread stillReading = reader;
        if (stillReading != null && stillReading != Thread.currentThread() && stillReading.isAlive()) {
            hub.dropIfStillOpen(this, stillReading);
        }
    }

    /**
     * Ends the TCP connection whatever the client does: after our close frame it should answer with its own,
     * and Helidon would wait for that for ever. Interrupting the reader closes the channel it is blocked on.
     */
    void drop() {
        if (socket instanceof ServerConnection connection) {
            connection.close(true);
        }
    }

    private record Numbered(long seq, String body) {
    }

    /** {@code now}: from {@link #abort}, so a writer that gets stuck writing it is interrupted. */
    private record Close(int code, String reason, boolean now) {
    }

    private record Pong(byte[] payload) {
    }
}
