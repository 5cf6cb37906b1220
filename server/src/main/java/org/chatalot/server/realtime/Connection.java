package org.chatalot.server.realtime;

import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import io.helidon.common.buffers.BufferData;
import io.helidon.http.Headers;
import io.helidon.http.HttpPrologue;
import io.helidon.webserver.spi.ServerConnection;
import io.helidon.websocket.WsListener;
import io.helidon.websocket.WsSession;

import org.chatalot.model.ws.CloseCodes;
import org.chatalot.model.ws.ServerMessage;
import org.chatalot.model.ws.WsErrorCodes;
import org.chatalot.server.http.TokenBucket;

/**
 * One WebSocket. Helidon calls the listener methods on the socket's own reader thread; everything the
 * server sends goes through a bounded queue drained by this socket's writer thread, so a client that stops
 * reading fills only its own queue. When the queue is full the socket is closed as a slow consumer (its
 * session stays resumable), and a writer stuck on a dead TCP connection is interrupted, which closes it.
 *
 * <p>An idle socket should cost little memory, so nothing here keeps its high-water mark: the queue holds
 * nodes only for what is waiting, a large incoming message's buffer is let go once it is handled, and a
 * large outgoing frame is sent as fragments, because Helidon's send buffer (one per socket, kept for the
 * socket's life) grows to the largest frame ever written.
 */
final class Connection implements WsListener {
    static final int QUEUE_CAPACITY = 1024;
    static final int MAX_MESSAGE_CHARS = 1024 * 1024;
    /** Outgoing text longer than this goes out in WebSocket fragments of at most this many chars. */
    static final int FRAGMENT_CHARS = 4096;
    /** A reassembly buffer that grew beyond this is released after its message. */
    private static final int KEPT_BUFFER_CHARS = 8192;
    private static final Object PING = new Object();
    private static final System.Logger LOG = System.getLogger(Connection.class.getName());

    private final Hub hub;
    private final TokenBucket bucket;
    private final LinkedBlockingQueue<Object> queue = new LinkedBlockingQueue<>(QUEUE_CAPACITY);
    private final StringBuilder partial = new StringBuilder();
    private final AtomicInteger unansweredPings = new AtomicInteger();
    private final AtomicBoolean closing = new AtomicBoolean();
    private final AtomicBoolean finished = new AtomicBoolean();
    final long openedAt;
    private volatile WsSession socket;
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
        writer = Thread.ofVirtual().name("ws-writer").start(this::writeLoop);
        watchReader(Thread.currentThread());
        hub.opened(this);
    }

    /**
     * When the peer drops the TCP connection (end of stream, no close frame), Helidon leaves its read loop by
     * throwing, without calling onClose or onError; only a later failed write would tell us. The socket's
     * reader is a virtual thread of its own that ends right then, so waiting for it notices a dropped
     * client at once (presence goes offline, a call's grace starts, the session waits for a resume).
     */
    private void watchReader(Thread reader) {
        if (!reader.isVirtual()) {
            return;
        }
        this.reader = reader;
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
        if (closing.compareAndSet(false, true) && !queue.offer(new Close(code, reason))) {
            abort(code, reason);
        }
    }

    /** Closes now: whatever is queued is dropped (a resume will replay it). */
    void abort(int code, String reason) {
        closing.set(true);
        queue.clear();
        queue.offer(new Close(code, reason));
        Thread stuck = writer;
        if (stuck != null) {
            hub.scheduleAbort(this, stuck);
        }
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
        if (!queue.offer(item)) {
            hub.slowConsumer(this);
            abort(CloseCodes.SLOW_CONSUMER, "too slow reading events; reconnect and resume");
        }
    }

    private void writeLoop() {
        try {
            while (true) {
                Object item = queue.take();
                if (item instanceof Numbered numbered) {
                    writeNumbered(numbered.seq(), numbered.body());
                } else if (item instanceof String frame) {
                    writeFragments(frame, 0);
                } else if (item == PING) {
                    socket.ping(BufferData.empty());
                } else if (item instanceof Pong pong) {
                    socket.pong(BufferData.create(pong.payload()));
                } else if (item instanceof Close close) {
                    socket.close(close.code(), close.reason());
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.DEBUG, "WebSocket write to " + clientIp + " failed", e);
        } finally {
            finish();
        }
    }

    private void writeNumbered(long seq, String body) {
        if (body.length() <= FRAGMENT_CHARS) {
            socket.send(Frames.withSeq(seq, body), true);
        } else {
            socket.send(Frames.seqPrefix(seq), false);
            writeFragments(body, 1);
        }
    }

    /** Sends {@code text} from {@code start} on as one message, in fragments of at most FRAGMENT_CHARS. */
    private void writeFragments(String text, int start) {
        if (start == 0 && text.length() <= FRAGMENT_CHARS) {
            socket.send(text, true);
            return;
        }
        int at = start;
        while (true) {
            int end = Frames.fragmentEnd(text, at, FRAGMENT_CHARS);
            boolean last = end == text.length();
            socket.send(text.substring(at, end), last);
            if (last) {
                return;
            }
            at = end;
        }
    }

    /** Runs once, however the socket ended (client close, error, or our own close). */
    private void finish() {
        if (!finished.compareAndSet(false, true)) {
            return;
        }
        closing.set(true);
        hub.closed(this);
        Thread idle = writer;
        if (idle != null && idle != Thread.currentThread()) {
            idle.interrupt();
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

    private record Close(int code, String reason) {
    }

    private record Pong(byte[] payload) {
    }
}
