package org.chatalot.server.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * HTTP/1.1 over a bare socket, for what the JDK client hides: when exactly the body is sent, whether the
 * server answers before it, and what a client that writes everything before reading gets back.
 */
public final class RawHttp implements AutoCloseable {
    private final Socket socket;
    private final OutputStream out;
    private final InputStream in;

    public RawHttp(int port) throws IOException {
        socket = new Socket("127.0.0.1", port);
        socket.setSoTimeout(20_000);
        out = socket.getOutputStream();
        in = socket.getInputStream();
    }

    public RawHttp send(String text) throws IOException {
        return send(text.getBytes(StandardCharsets.UTF_8));
    }

    public RawHttp send(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
        return this;
    }

    /** Sends {@code bytes} as one chunk of a chunked body, then the last chunk. */
    public RawHttp sendChunked(byte[] bytes) throws IOException {
        send(Integer.toHexString(bytes.length) + "\r\n");
        send(bytes);
        return send("\r\n0\r\n\r\n");
    }

    /** Reads one response: status line, headers and a Content-Length body. */
    public Response read() throws IOException {
        String head = readHead();
        int length = 0;
        for (String line : head.split("\r\n")) {
            if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                length = Integer.parseInt(line.substring(line.indexOf(':') + 1).trim());
            }
        }
        byte[] body = in.readNBytes(length);
        return new Response(Integer.parseInt(head.substring(9, 12)), head, new String(body, StandardCharsets.UTF_8));
    }

    /** Half-closes: the server reads end-of-stream, as from a client that stopped sending. */
    public RawHttp stopSending() throws IOException {
        socket.shutdownOutput();
        return this;
    }

    /** Everything the server sends until it closes the connection (empty when it closed without a word). */
    public String readUntilClosed() throws IOException {
        return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
    }

    /** Closes with a reset instead of a FIN, as a crashed client or a pulled cable would. */
    public void abort() throws IOException {
        socket.setSoLinger(true, 0);
        socket.close();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }

    private String readHead() throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        while (matched < 4) {
            int c = in.read();
            if (c < 0) {
                throw new IOException("connection closed before a complete response; got: " + head);
            }
            head.write(c);
            matched = (c == '\r' && matched % 2 == 0) || (c == '\n' && matched % 2 == 1) ? matched + 1 : 0;
        }
        return head.toString(StandardCharsets.ISO_8859_1);
    }

    /** A response as received; {@code head} is the status line and headers. */
    public record Response(int status, String head, String body) {
        public boolean hasHeader(String name, String value) {
            return head.toLowerCase(Locale.ROOT).contains(name.toLowerCase(Locale.ROOT) + ": "
                    + value.toLowerCase(Locale.ROOT));
        }
    }
}
