package org.chatalot.server.testing;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * A WebSocket client written from RFC 6455 by hand, for what a well-behaved client library will not do:
 * ignore ping frames (the JDK client answers them itself) or send exactly the frames a test needs.
 */
public final class RawWebSocket implements AutoCloseable {
    public static final int CONTINUATION = 0x0;
    public static final int TEXT = 0x1;
    public static final int BINARY = 0x2;
    public static final int CLOSE = 0x8;
    public static final int PING = 0x9;
    public static final int PONG = 0xA;

    private final Socket socket;
    private final DataInputStream in;
    private final OutputStream out;
    private final SecureRandom random = new SecureRandom();

    private RawWebSocket(Socket socket) throws IOException {
        this.socket = socket;
        this.in = new DataInputStream(socket.getInputStream());
        this.out = socket.getOutputStream();
    }

    public static RawWebSocket connect(int port) throws IOException {
        return connect(port, 0);
    }

    /**
     * Connects with the client's TCP receive buffer set to {@code receiveBufferBytes} (0: the system's), so
     * that a test that stops reading makes the server's writes block soon.
     */
    public static RawWebSocket connect(int port, int receiveBufferBytes) throws IOException {
        return accepted(open(port, "127.0.0.1:" + port, java.util.Map.of(), receiveBufferBytes, new byte[0]));
    }

    /**
     * Connects as a client that does not wait for the 101: a text frame of {@code firstText} goes in the same
     * write as the upgrade request.
     */
    public static RawWebSocket connectSendingAtOnce(int port, byte[] firstText) throws IOException {
        byte[] frame = frame(TEXT, firstText, true, new SecureRandom());
        return accepted(open(port, "127.0.0.1:" + port, java.util.Map.of(), 0, frame));
    }

    private static RawWebSocket accepted(RawWebSocket ws) throws IOException {
        String response = ws.readHeaders();
        if (!response.startsWith("HTTP/1.1 101")) {
            throw new IOException("upgrade refused: " + response);
        }
        return ws;
    }

    /**
     * Sends an upgrade request exactly as a browser behind the given Host would (with e.g. an Origin) and
     * returns the status line of the answer: {@code HTTP/1.1 101 …} or the refusal.
     */
    public static String handshake(int port, String host, java.util.Map<String, String> headers) throws IOException {
        try (RawWebSocket ws = open(port, host, headers, 0, new byte[0])) {
            String response = ws.readHeaders();
            return response.substring(0, response.indexOf("\r\n"));
        }
    }

    private static RawWebSocket open(int port, String host, java.util.Map<String, String> headers,
                                     int receiveBufferBytes, byte[] sentWithRequest) throws IOException {
        Socket socket = new Socket();
        if (receiveBufferBytes > 0) {
            socket.setReceiveBufferSize(receiveBufferBytes);
        }
        socket.connect(new java.net.InetSocketAddress("127.0.0.1", port));
        socket.setSoTimeout(15_000);
        RawWebSocket ws = new RawWebSocket(socket);
        byte[] key = new byte[16];
        ws.random.nextBytes(key);
        StringBuilder request = new StringBuilder("GET /ws HTTP/1.1\r\nHost: " + host + "\r\n"
                + "Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\n"
                + "Sec-WebSocket-Key: " + Base64.getEncoder().encodeToString(key) + "\r\n");
        headers.forEach((name, value) -> request.append(name).append(": ").append(value).append("\r\n"));
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        all.writeBytes(request.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII));
        all.writeBytes(sentWithRequest);
        ws.out.write(all.toByteArray());
        ws.out.flush();
        return ws;
    }

    public void sendText(String text) throws IOException {
        sendFrame(TEXT, text.getBytes(StandardCharsets.UTF_8), true);
    }

    /** One frame exactly as given: any opcode, any bytes (invalid UTF-8 in a text frame too), masked. */
    public void sendFrame(int opcode, byte[] bytes, boolean fin) throws IOException {
        out.write(frame(opcode, bytes, fin, random));
        out.flush();
    }

    private static byte[] frame(int opcode, byte[] bytes, boolean fin, SecureRandom random) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] payload = bytes.clone();
        byte[] mask = new byte[4];
        random.nextBytes(mask);
        out.write((fin ? 0x80 : 0) | opcode);
        if (payload.length < 126) {
            out.write(0x80 | payload.length);
        } else if (payload.length < 65_536) {
            out.write(0x80 | 126);
            out.write(payload.length >>> 8);
            out.write(payload.length & 0xFF);
        } else {
            out.write(0x80 | 127);
            for (int shift = 56; shift >= 0; shift -= 8) {
                out.write((int) ((long) payload.length >>> shift) & 0xFF);
            }
        }
        out.writeBytes(mask);
        for (int i = 0; i < payload.length; i++) {
            payload[i] ^= mask[i % 4];
        }
        out.writeBytes(payload);
        return out.toByteArray();
    }

    /**
     * The next frame from the server; fails on what RFC 6455 forbids a server to send: a masked frame, reserved
     * bits set (no extension was negotiated), a length not in its shortest form, a long or fragmented control
     * frame.
     */
    public Frame read() throws IOException {
        int first = in.readUnsignedByte();
        int second = in.readUnsignedByte();
        if ((second & 0x80) != 0 || (first & 0x70) != 0) {
            throw new IOException("not a server frame: mask or reserved bits set: " + first + " " + second);
        }
        long length = second & 0x7F;
        if (length == 126) {
            length = in.readUnsignedShort();
        } else if (length == 127) {
            length = in.readLong();
        }
        if ((second & 0x7F) >= 126 && length < ((second & 0x7F) == 126 ? 126 : 1 << 16)) {
            throw new IOException("payload length " + length + " not in its shortest form");
        }
        if ((first & 0x08) != 0 && ((first & 0x80) == 0 || length > 125)) {
            throw new IOException("control frame fragmented or longer than 125 bytes: " + length);
        }
        byte[] payload = new byte[(int) length];
        in.readFully(payload);
        return new Frame(first & 0x0F, payload, (first & 0x80) != 0);
    }

    /**
     * Reads (and drops) whatever the server still sends until it closes the TCP connection; true then, false
     * when the connection is still open after {@code timeoutMillis}.
     */
    public boolean awaitEndOfStream(int timeoutMillis) throws IOException {
        socket.setSoTimeout(timeoutMillis);
        try {
            while (in.read() >= 0) {
                // keep reading: only the end of the stream answers the question
            }
            return true;
        } catch (java.net.SocketTimeoutException e) {
            return false;
        } catch (java.net.SocketException e) {
            return true;
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }

    private String readHeaders() throws IOException {
        StringBuilder text = new StringBuilder();
        while (!text.toString().endsWith("\r\n\r\n")) {
            text.append((char) in.readUnsignedByte());
        }
        return text.toString();
    }

    /** One frame: opcode and payload. */
    /** {@code fin}: the last frame of its message (false for all but the last fragment). */
    public record Frame(int opcode, byte[] payload, boolean fin) {
        public String text() {
            return new String(payload, StandardCharsets.UTF_8);
        }

        /** For a close frame: the status code. */
        public int closeCode() {
            return payload.length >= 2 ? ((payload[0] & 0xFF) << 8) | (payload[1] & 0xFF) : 1005;
        }
    }
}
