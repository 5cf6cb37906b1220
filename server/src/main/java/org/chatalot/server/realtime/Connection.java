package org.chatalot.server.realtime;

import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import io.helidon.common.buffers.BufferData;
import io.helidon.webserver.ConnectionContext;
import io.helidon.webserver.spi.ServerConnection;
import io.helidon.websocket.WsListener;
import io.helidon.websocket.WsSession;

import org.chatalot.model.ws.CloseCodes;
import org.chatalot.model.ws.ServerMessage;
import org.chatalot.model.ws.WsErrorCodes;
import org.chatalot.server.http.TokenBucket;

/**
 * One WebSocket and the session it carries. Helidon calls the listener methods on the socket's own reader
 * thread: text frames are put together, held to the socket's frame allowance and handed to the hub; binary
 * frames end the socket. Everything the server sends leaves through the socket's {@link SocketWriter}. However
 * the socket ends (client close, error, dropped TCP connection, our own close), the hub is told once.
 *
 * <p>An idle socket should cost little memory: a fragmented message's buffer exists only while its fragments
 * arrive, and nothing waits on the reader thread to notice the end.
 */
final class Connection implements WsListener {
    static final int MAX_MESSAGE_CHARS = 1024 * 1024;
    private static final System.Logger LOG = System.getLogger(Connection.class.getName());

    private final Hub hub;
    private final TokenBucket bucket;
    private final SocketWriter writer;
    /** A fragmented message being put together; null between messages (most are a single frame). */
    private StringBuilder partial;
    private final AtomicInteger unansweredPings = new AtomicInteger();
    private final AtomicBoolean finished = new AtomicBoolean();
    final long openedAt;
    private volatile WsSession socket;
    private volatile Thread reader;
    private volatile RealtimeSession session;
    private volatile String clientIp = "unknown";

    Connection(Hub hub, TokenBucket bucket, long openedAt) {
        this.hub = hub;
        this.bucket = bucket;
        this.openedAt = openedAt;
        this.writer = new SocketWriter(this, hub);
    }

    @Override
    public void onOpen(WsSession ws) {
        socket = ws;
        writer.open(ws, ((ConnectionContext) ws.socketContext()).dataWriter());
        reader = Thread.currentThread();
        if (ws.socketContext() instanceof UpgradedConnection upgraded) {
            clientIp = upgraded.clientIp();
            upgraded.onEnd(this::finish);
        } else {
            watchReader(reader);
        }
        hub.opened(this);
    }

    /**
     * When the peer drops the TCP connection (end of stream, no close frame), Helidon leaves its read loop by
     * throwing, without calling onClose or onError; only a later failed write would tell us.
     * {@link UpgradedConnection} tells us as the read loop ends. A socket that did not come through our upgrade
     * has no such hook; its reader is a virtual thread of its own that ends right then, so a second thread waits
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
        if ((partial == null ? 0 : partial.length()) + text.length() > MAX_MESSAGE_CHARS) {
            partial = null;
            sendError(WsErrorCodes.MESSAGE_TOO_BIG, "frames are limited to 1 MiB", null);
            close(CloseCodes.MESSAGE_TOO_BIG, "message too big");
            return;
        }
        String frame;
        if (last && partial == null) {
            frame = text;
        } else {
            if (partial == null) {
                partial = new StringBuilder();
            }
            partial.append(text);
            if (!last) {
                return;
            }
            frame = partial.toString();
            partial = null;
        }
        if (!bucket.tryTake(System.nanoTime())) {
            sendError(WsErrorCodes.RATE_LIMITED, "too many frames; slow down", null);
            return;
        }
        hub.received(this, frame);
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
        writer.pong(payload);
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

    /** A numbered event; its frame is built on the writer thread. */
    void send(Numbered event) {
        writer.numbered(event);
    }

    /** Frames are queued but not written until {@link #releaseWrites()} (a session being registered). */
    void holdWrites() {
        writer.hold();
    }

    void releaseWrites() {
        writer.release();
    }

    /** A frame outside the session's numbering (before authentication, or the {@code resumed} marker). */
    void sendUnnumbered(byte[] frame) {
        writer.text(frame);
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
        writer.ping();
        return true;
    }

    /** Closes after the frames already queued have been written. */
    void close(int code, String reason) {
        writer.close(code, reason);
    }

    /** Closes now: whatever is queued is dropped (a resume will replay it). */
    void abort(int code, String reason) {
        writer.abort(code, reason);
    }

    boolean isClosing() {
        return writer.isClosing();
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

    /**
     * Runs once, however the socket ended (client close, error, or our own close). The writer stops first: from
     * then on it queues nothing, not even a close, so nothing the hub does next leaves frames behind.
     */
    void finish() {
        if (!finished.compareAndSet(false, true)) {
            return;
        }
        writer.stop();
        hub.closed(this);
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
}
