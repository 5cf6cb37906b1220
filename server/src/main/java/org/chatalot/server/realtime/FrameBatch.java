package org.chatalot.server.realtime;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import io.helidon.common.buffers.BufferData;

/**
 * WebSocket frames as a server sends them (RFC 6455, 5.2: unmasked, no extensions), encoded one after the
 * other into one array, so that whatever a socket has queued leaves in one write instead of one write per
 * frame. Helidon's {@code WsSession.send} writes (and so hands to the kernel) each frame alone, and keeps a
 * send buffer per socket that grows to the largest frame ever sent; this array lives only as long as the
 * batch. Text longer than {@link #FRAGMENT_CHARS} goes out in fragments of at most that many
 * chars, never splitting a surrogate pair, exactly as it did through Helidon.
 */
final class FrameBatch {
    /** Text longer than this goes out in WebSocket fragments of at most this many chars. */
    static final int FRAGMENT_CHARS = 4096;
    private static final int OPCODE_CONTINUATION = 0x0;
    private static final int OPCODE_TEXT = 0x1;
    private static final int OPCODE_PING = 0x9;
    private static final int OPCODE_PONG = 0xA;
    private static final int FIN = 0x80;
    private static final int MAX_HEADER_BYTES = 10;
    private static final byte[] NO_BYTES = new byte[0];

    private byte[] bytes = NO_BYTES;
    private int length;

    /** A numbered event: {@code {"seq":N,} in place of the body's opening brace, as one text message. */
    void numbered(long seq, String body) {
        String prefix = Frames.seqPrefix(seq);
        if (body.length() <= FRAGMENT_CHARS) {
            byte[] head = prefix.getBytes(StandardCharsets.UTF_8);
            byte[] rest = body.getBytes(StandardCharsets.UTF_8);
            header(FIN | OPCODE_TEXT, head.length + rest.length - 1L);
            append(head, 0, head.length);
            append(rest, 1, rest.length - 1);
        } else {
            frame(OPCODE_TEXT, false, prefix.getBytes(StandardCharsets.UTF_8));
            fragments(body, 1, OPCODE_CONTINUATION);
        }
    }

    /** {@code text} as one text message, in fragments when it is long. */
    void text(String text) {
        fragments(text, 0, OPCODE_TEXT);
    }

    /** A ping with no payload. */
    void ping() {
        frame(OPCODE_PING, true, NO_BYTES);
    }

    /** The answer to a client's ping, with its payload (at most 125 bytes: Helidon refuses longer pings). */
    void pong(byte[] payload) {
        frame(OPCODE_PONG, true, payload);
    }

    boolean isEmpty() {
        return length == 0;
    }

    int size() {
        return length;
    }

    /** The frames so far, as one buffer for one write; the batch starts empty again. */
    BufferData take() {
        BufferData frames = BufferData.create(bytes, 0, length);
        bytes = NO_BYTES;
        length = 0;
        return frames;
    }

    /** Sends {@code text} from {@code start} on, the first fragment with {@code opcode}, the rest continuing. */
    private void fragments(String text, int start, int opcode) {
        int at = start;
        int code = opcode;
        while (true) {
            int end = Frames.fragmentEnd(text, at, FRAGMENT_CHARS);
            boolean last = end == text.length();
            String part = at == 0 && last ? text : text.substring(at, end);
            frame(code, last, part.getBytes(StandardCharsets.UTF_8));
            if (last) {
                return;
            }
            code = OPCODE_CONTINUATION;
            at = end;
        }
    }

    private void frame(int opcode, boolean fin, byte[] payload) {
        header((fin ? FIN : 0) | opcode, payload.length);
        append(payload, 0, payload.length);
    }

    /** First byte, then the payload length in the shortest of its three forms (RFC 6455, 5.2). */
    private void header(int first, long payloadLength) {
        reserve(MAX_HEADER_BYTES + payloadLength);
        bytes[length++] = (byte) first;
        if (payloadLength < 126) {
            bytes[length++] = (byte) payloadLength;
        } else if (payloadLength < 1 << 16) {
            bytes[length++] = 126;
            bytes[length++] = (byte) (payloadLength >>> 8);
            bytes[length++] = (byte) payloadLength;
        } else {
            bytes[length++] = 127;
            for (int shift = 56; shift >= 0; shift -= 8) {
                bytes[length++] = (byte) (payloadLength >>> shift);
            }
        }
    }

    private void append(byte[] source, int from, int count) {
        System.arraycopy(source, from, bytes, length, count);
        length += count;
    }

    private void reserve(long more) {
        long needed = length + more;
        if (needed > bytes.length) {
            bytes = Arrays.copyOf(bytes, (int) Math.max(needed, Math.min(2L * bytes.length, Integer.MAX_VALUE - 8)));
        }
    }
}
