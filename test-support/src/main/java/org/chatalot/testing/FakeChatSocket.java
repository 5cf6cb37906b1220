package org.chatalot.testing;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A stand-in for the server's {@code /ws} until the real one lands: a raw-socket RFC 6455 endpoint that
 * speaks the opening of our protocol ({@code authenticate} → {@code authenticated}, {@code ping} →
 * {@code pong}), refuses a foreign Origin with 403 the way Helidon does, answers a plain GET with 404 and
 * sends ping frames every {@code pingSeconds} (0 = never), like WS_PING_INTERVAL_SECONDS.
 */
public final class FakeChatSocket implements AutoCloseable {
    private static final Pattern TYPE = Pattern.compile("\"type\"\\s*:\\s*\"([a-z_]+)\"");
    private static final Pattern TOKEN = Pattern.compile("\"token\"\\s*:\\s*\"([^\"]*)\"");
    private final ServerSocket server;
    private final String token;
    private final int pingSeconds;
    private final ScheduledExecutorService pinger = Executors.newSingleThreadScheduledExecutor();

    private FakeChatSocket(String token, int pingSeconds) throws IOException {
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.token = token;
        this.pingSeconds = pingSeconds;
        Thread.ofVirtual().start(this::acceptLoop);
    }

    public static FakeChatSocket start(String token, int pingSeconds) {
        try {
            return new FakeChatSocket(token, pingSeconds);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public int port() {
        return server.getLocalPort();
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                Thread.ofVirtual().start(() -> serve(socket));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void serve(Socket socket) {
        try (socket) {
            InputStream in = new BufferedInputStream(socket.getInputStream());
            OutputStream out = socket.getOutputStream();
            Map<String, String> headers = readHead(in);
            String refusal = refusal(headers);
            if (refusal != null) {
                String head = refusal + "\r\nContent-Length: 0\r\nConnection: close\r\n\r\n";
                out.write(head.getBytes(StandardCharsets.US_ASCII));
                return;
            }
            out.write(("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                    + "Sec-WebSocket-Accept: " + accept(headers.get("sec-websocket-key")) + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            if (pingSeconds > 0) {
                pinger.scheduleAtFixedRate(() -> send(out, 0x9, new byte[0]), pingSeconds, pingSeconds,
                        TimeUnit.SECONDS);
            }
            frames(new DataInputStream(in), out);
        } catch (IOException gone) {
            // the client or the proxy closed the connection: nothing to clean up
        }
    }

    private String refusal(Map<String, String> headers) {
        if (!"websocket".equalsIgnoreCase(headers.getOrDefault("upgrade", ""))
                || !headers.getOrDefault(":path", "").startsWith("/ws")) {
            return "HTTP/1.1 404 Not Found";
        }
        String origin = headers.get("origin");
        if (origin != null && !origin.replaceFirst("^https?://", "").equalsIgnoreCase(headers.get("host"))) {
            return "HTTP/1.1 403 Forbidden";
        }
        return null;
    }

    private void frames(DataInputStream in, OutputStream out) throws IOException {
        while (true) {
            int first = in.readUnsignedByte();
            int second = in.readUnsignedByte();
            long length = second & 0x7f;
            if (length == 126) {
                length = in.readUnsignedShort();
            } else if (length == 127) {
                length = in.readLong();
            }
            byte[] mask = new byte[4];
            in.readFully(mask);
            byte[] payload = new byte[(int) length];
            in.readFully(payload);
            for (int i = 0; i < payload.length; i++) {
                payload[i] ^= mask[i % 4];
            }
            int opcode = first & 0x0f;
            if (opcode == 0x8) {
                send(out, 0x8, payload);
                return;
            }
            if (opcode == 0x9) {
                send(out, 0xA, payload);
            } else if (opcode == 0x1) {
                answer(new String(payload, StandardCharsets.UTF_8), out);
            }
        }
    }

    private void answer(String text, OutputStream out) {
        Matcher type = TYPE.matcher(text);
        String kind = type.find() ? type.group(1) : "";
        if (kind.equals("authenticate")) {
            Matcher given = TOKEN.matcher(text);
            boolean ok = given.find() && given.group(1).equals(token);
            sendText(out, ok ? "{\"type\":\"authenticated\",\"seq\":1,\"user_id\":\"fake-user\","
                    + "\"session_id\":\"fake-session\",\"server_version\":\"fake\"}"
                    : "{\"type\":\"error\",\"code\":\"unauthorized\",\"message\":\"bad token\"}");
        } else if (kind.equals("ping")) {
            sendText(out, "{\"type\":\"pong\"}");
        }
    }

    private static void sendText(OutputStream out, String text) {
        send(out, 0x1, text.getBytes(StandardCharsets.UTF_8));
    }

    private static void send(OutputStream out, int opcode, byte[] payload) {
        synchronized (out) {
            try {
                out.write(0x80 | opcode);
                if (payload.length < 126) {
                    out.write(payload.length);
                } else {
                    out.write(126);
                    out.write(payload.length >> 8);
                    out.write(payload.length & 0xff);
                }
                out.write(payload);
                out.flush();
            } catch (IOException gone) {
                // the socket is closing; the reader loop ends on its own
            }
        }
    }

    private static Map<String, String> readHead(InputStream in) throws IOException {
        Map<String, String> headers = new HashMap<>();
        String requestLine = readLine(in);
        String[] parts = requestLine.split(" ");
        headers.put(":path", parts.length > 1 ? parts[1] : "");
        for (String line = readLine(in); !line.isEmpty(); line = readLine(in)) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                headers.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
            }
        }
        return headers;
    }

    private static String readLine(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c == -1) {
                throw new IOException("connection closed");
            }
            if (c != '\r') {
                line.append((char) c);
            }
        }
        return line.toString();
    }

    private static String accept(String key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-1").digest((key + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11")
                    .getBytes(StandardCharsets.US_ASCII));
            return Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        pinger.shutdownNow();
        try {
            server.close();
        } catch (IOException ignored) {
            // closing a listening socket only fails if it is already closed
        }
    }
}
