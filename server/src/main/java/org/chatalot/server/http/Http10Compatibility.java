package org.chatalot.server.http;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

/**
 * Accepts HTTP/1.0 requests, which Helidon refuses with 505. nginx speaks HTTP/1.0 to its upstream unless
 * told {@code proxy_http_version 1.1}, and the reference nginx configuration does not say so for
 * {@code location /}; without this, every request through such a proxy would fail. The request line is
 * presented to the normal HTTP/1.1 handling as {@code HTTP/1.1}; nginx sends {@code Connection: close} with
 * HTTP/1.0, so the connection still ends after the response, and nginx accepts an HTTP/1.1 answer.
 * Only the first request of a connection is rewritten (HTTP/1.0 clients do not pipeline in practice).
 *
 * <p>This hands over a connection's bytes, holding back the first ones until the first request line is
 * complete (at most {@link #MAX_FIRST_LINE} bytes, Helidon's own limit for it) and patching its version in
 * place.
 */
final class Http10Compatibility implements Supplier<byte[]> {
    static final int MAX_FIRST_LINE = 4096;
    private static final String HTTP_1_0 = " HTTP/1.0\r";

    private final Supplier<byte[]> source;
    private boolean first = true;

    /** {@code source}: the connection's bytes, one array per read, null at the end (as a socket hands them). */
    Http10Compatibility(Supplier<byte[]> source) {
        this.source = source;
    }

    /** After the first request line, the source's arrays themselves: nothing is copied. */
    @Override
    public byte[] get() {
        if (!first) {
            return source.get();
        }
        first = false;
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        do {
            byte[] next = source.get();
            if (next == null) {
                break;
            }
            head.writeBytes(next);
        } while (indexOfLineFeed(head) < 0 && head.size() < MAX_FIRST_LINE);
        if (head.size() == 0) {
            return null;
        }
        byte[] bytes = head.toByteArray();
        patch(bytes);
        return bytes;
    }

    private static int indexOfLineFeed(ByteArrayOutputStream head) {
        return head.toString(StandardCharsets.ISO_8859_1).indexOf('\n');
    }

    static void patch(byte[] bytes) {
        String head = new String(bytes, 0, Math.min(bytes.length, MAX_FIRST_LINE + 1), StandardCharsets.ISO_8859_1);
        int lineEnd = head.indexOf('\n');
        int version = lineEnd < 0 ? -1 : head.lastIndexOf(HTTP_1_0, lineEnd);
        if (version >= 0 && version + HTTP_1_0.length() == lineEnd) {
            bytes[version + HTTP_1_0.length() - 2] = '1';
        }
    }
}
