package org.chatalot.bench.room;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

/**
 * The load generator's WebSocket client, made to cost little per frame received. The JDK's client spent more
 * CPU per delivered frame than the bare Helidon server spent sending it (the generator's core was full at
 * 1,000 msg/s × 49 while the ceiling's was not), so the generator, not the servers, set the top of every
 * ladder. Here every socket of the process is read by one thread over one selector, and each text frame is
 * decoded once and handed to the socket's consumer on that thread (which must be quick and never block).
 * A send writes its masked frame straight to the socket from the caller's thread and returns once it is
 * written. Enough of RFC 6455 for the benchmark: text frames and fragments, ping (answered), close; no
 * extensions, binary frames ignored.
 */
public final class FrameSocket {
    private static final long TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(30);
    /** Grows to the largest frame; small at first, as W3 holds thousands of idle sockets. */
    private static final int BUFFER_BYTES = 8 * 1024;
    private static final int TEXT = 0x1;
    private static final int CONTINUATION = 0x0;
    private static final int CLOSE = 0x8;
    private static final int PING = 0x9;
    private static final int PONG = 0xA;

    private final SocketChannel channel;
    private final Object writeLock = new Object();
    private final ByteArrayOutputStream fragments = new ByteArrayOutputStream();
    private volatile Consumer<CharSequence> frames;
    private volatile boolean closed;
    /** Read by the reader thread only (and by {@link #open} before the socket is handed to it). */
    private ByteBuffer in = ByteBuffer.allocate(BUFFER_BYTES);
    private boolean inText;

    private FrameSocket(SocketChannel channel, Consumer<CharSequence> frames) {
        this.channel = channel;
        this.frames = frames;
    }

    /** Opens {@code uri} (ws://, with a subprotocol when not null) and starts delivering frames to {@code frames}. */
    public static FrameSocket open(URI uri, String subprotocol, Consumer<CharSequence> frames) {
        try {
            SocketChannel channel = SocketChannel.open(new InetSocketAddress(uri.getHost(), uri.getPort()));
            channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
            channel.configureBlocking(false);
            FrameSocket socket = new FrameSocket(channel, frames);
            socket.handshake(uri, subprotocol);
            Reader.INSTANCE.add(socket);
            return socket;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open " + uri, e);
        }
    }

    /** From now on frames go to {@code next} (used when a handshake hands over to the measurement). */
    public void redirect(Consumer<CharSequence> next) {
        frames = next;
    }

    /** Sends one text frame; returns once it is written. Throws once the socket is closed. */
    public void send(String text) {
        sendFrame(TEXT, text.getBytes(StandardCharsets.UTF_8));
    }

    public void close() {
        closed = true;
        try {
            channel.close();
        } catch (IOException ignored) {
            // closing: nothing left to do with it
        }
    }

    private void handshake(URI uri, String subprotocol) throws IOException {
        byte[] key = new byte[16];
        ThreadLocalRandom.current().nextBytes(key);
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        String request = "GET " + path + " HTTP/1.1\r\nHost: " + uri.getHost() + ":" + uri.getPort()
                + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: "
                + Base64.getEncoder().encodeToString(key) + "\r\nSec-WebSocket-Version: 13\r\n"
                + (subprotocol == null ? "" : "Sec-WebSocket-Protocol: " + subprotocol + "\r\n") + "\r\n";
        write(ByteBuffer.wrap(request.getBytes(StandardCharsets.US_ASCII)));
        long deadline = System.nanoTime() + TIMEOUT_NANOS;
        int end;
        while ((end = headersEnd(in)) < 0) {
            int n = channel.read(in);
            if (n < 0) {
                throw new IOException("closed during the WebSocket handshake");
            }
            if (n == 0) {
                if (System.nanoTime() > deadline || !in.hasRemaining()) {
                    throw new IOException("no WebSocket handshake answer");
                }
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
            }
        }
        String head = new String(in.array(), 0, end, StandardCharsets.ISO_8859_1);
        String status = head.substring(0, Math.max(0, head.indexOf('\r')));
        if (!status.matches("HTTP/1\\.1 101\\b.*")) {
            throw new IOException("WebSocket upgrade refused: " + status);
        }
        // frames that came with the answer
        in.flip();
        in.position(end);
        parse();
        in.compact();
    }

    /** Offset just past the blank line ending the HTTP headers, or -1 when it has not all arrived. */
    private static int headersEnd(ByteBuffer buffer) {
        byte[] a = buffer.array();
        for (int i = 3; i < buffer.position(); i++) {
            if (a[i - 3] == '\r' && a[i - 2] == '\n' && a[i - 1] == '\r' && a[i] == '\n') {
                return i + 1;
            }
        }
        return -1;
    }

    /** What arrived: returns false once the socket is closed (the reader then forgets it). */
    private boolean read() {
        try {
            int n = channel.read(in);
            if (n < 0) {
                close();
                return false;
            }
            in.flip();
            int needed = parse();
            in.compact();
            if (needed > in.capacity()) {
                ByteBuffer bigger = ByteBuffer.allocate(Math.max(needed, 2 * in.capacity()));
                in.flip();
                bigger.put(in);
                in = bigger;
            }
            return !closed;
        } catch (IOException | RuntimeException e) {
            close();
            return false;
        }
    }

    /**
     * Handles every complete frame in {@code in} (flipped); returns the size of the incomplete frame left, so
     * the buffer can grow to hold it.
     */
    private int parse() {
        while (in.remaining() >= 2) {
            int at = in.position();
            int b0 = in.get(at) & 0xff;
            int b1 = in.get(at + 1) & 0xff;
            int header = 2;
            long length = b1 & 0x7f;
            if (length == 126) {
                if (in.remaining() < 4) {
                    return 4;
                }
                length = in.getShort(at + 2) & 0xffff;
                header = 4;
            } else if (length == 127) {
                if (in.remaining() < 10) {
                    return 10;
                }
                length = in.getLong(at + 2);
                header = 10;
            }
            boolean masked = (b1 & 0x80) != 0;
            int maskAt = at + header;
            header += masked ? 4 : 0;
            if (in.remaining() < header + length) {
                return (int) Math.min(Integer.MAX_VALUE - 8, header + length);
            }
            byte[] payload = new byte[(int) length];
            in.position(at + header);
            in.get(payload);
            if (masked) {
                for (int i = 0; i < payload.length; i++) {
                    payload[i] ^= in.get(maskAt + (i & 3));
                }
            }
            frame((b0 & 0x80) != 0, b0 & 0x0f, payload);
        }
        return 2;
    }

    private void frame(boolean fin, int opcode, byte[] payload) {
        switch (opcode) {
            case TEXT -> {
                if (fin) {
                    deliver(new String(payload, StandardCharsets.UTF_8));
                } else {
                    inText = true;
                    fragments.reset();
                    fragments.writeBytes(payload);
                }
            }
            case CONTINUATION -> {
                if (inText) {
                    fragments.writeBytes(payload);
                    if (fin) {
                        inText = false;
                        deliver(fragments.toString(StandardCharsets.UTF_8));
                    }
                }
            }
            case PING -> sendFrame(PONG, payload);
            case CLOSE -> {
                try {
                    sendFrame(CLOSE, payload.length >= 2 ? new byte[] {payload[0], payload[1]} : new byte[0]);
                } finally {
                    close();
                }
            }
            default -> {
                // binary frames and pongs: the benchmark has no use for them
            }
        }
    }

    private void deliver(String text) {
        try {
            frames.accept(text);
        } catch (RuntimeException e) {
            // a consumer's bug must not stop the reader, which serves every socket
            System.out.println("  (frame consumer failed: " + e + ")");
        }
    }

    private void sendFrame(int opcode, byte[] payload) {
        int length = payload.length;
        int extra = length > 65_535 ? 8 : length > 125 ? 2 : 0;
        ByteBuffer frame = ByteBuffer.allocate(2 + extra + 4 + length);
        frame.put((byte) (0x80 | opcode));
        if (extra == 0) {
            frame.put((byte) (0x80 | length));
        } else if (extra == 2) {
            frame.put((byte) (0x80 | 126)).putShort((short) length);
        } else {
            frame.put((byte) (0x80 | 127)).putLong(length);
        }
        byte[] mask = new byte[4];
        ThreadLocalRandom.current().nextBytes(mask);
        frame.put(mask);
        for (int i = 0; i < length; i++) {
            frame.put((byte) (payload[i] ^ mask[i & 3]));
        }
        frame.flip();
        try {
            synchronized (writeLock) {
                write(frame);
            }
        } catch (IOException e) {
            close();
            throw new UncheckedIOException(e);
        }
    }

    /** Writes all of {@code buffer} to the non-blocking channel, waiting while the socket's buffer is full. */
    private void write(ByteBuffer buffer) throws IOException {
        long deadline = System.nanoTime() + TIMEOUT_NANOS;
        while (buffer.hasRemaining()) {
            if (closed) {
                throw new ClosedChannelException();
            }
            if (channel.write(buffer) == 0) {
                if (System.nanoTime() > deadline) {
                    throw new IOException("the server has read nothing for " + TIMEOUT_NANOS / 1_000_000_000 + " s");
                }
                LockSupport.parkNanos(50_000);
            }
        }
    }

    /** The one thread that reads every socket of the process. */
    private static final class Reader implements Runnable {
        static final Reader INSTANCE = new Reader();

        private final Selector selector;
        private final Queue<FrameSocket> joining = new ConcurrentLinkedQueue<>();

        private Reader() {
            try {
                selector = Selector.open();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Thread.ofPlatform().name("generator-reader").daemon().start(this);
        }

        void add(FrameSocket socket) {
            joining.add(socket);
            selector.wakeup();
        }

        @Override
        public void run() {
            while (true) {
                try {
                    selector.select();
                    for (FrameSocket socket = joining.poll(); socket != null; socket = joining.poll()) {
                        register(socket);
                    }
                    for (SelectionKey key : selector.selectedKeys()) {
                        if (!((FrameSocket) key.attachment()).read()) {
                            key.cancel();
                        }
                    }
                    selector.selectedKeys().clear();
                } catch (IOException | RuntimeException e) {
                    System.out.println("  (generator reader: " + e + ")");
                }
            }
        }

        private void register(FrameSocket socket) {
            try {
                socket.channel.register(selector, SelectionKey.OP_READ, socket);
            } catch (ClosedChannelException closedAlready) {
                // closed before the reader got to it
            }
        }
    }
}
