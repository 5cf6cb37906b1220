package org.chatalot.server.realtime;

import java.util.ArrayList;
import java.util.List;

import io.helidon.common.buffers.BufferData;

/**
 * WebSocket frames as a server sends them (RFC 6455, 5.2: unmasked, no extensions), one after the other, so
 * that whatever a socket has queued leaves in one write instead of one write per frame. Helidon's
 * {@code WsSession.send} writes (and so hands to the kernel) each frame alone, and keeps a send buffer per
 * socket that grows to the largest frame ever sent.
 *
 * <p>An event's JSON is encoded to UTF-8 once however many sockets get it, and the batch does not copy it:
 * each frame is a small head of its own (the frame header and, for a numbered event, {@code {"seq":N,} in
 * place of the body's opening brace) followed by a slice of the shared bytes. The socket copies the pieces
 * into its own write buffer, so the batch still leaves in one write. Text longer than {@link #FRAGMENT_BYTES}
 * goes out in fragments of at most that many bytes, never splitting a character's UTF-8 sequence.
 */
final class FrameBatch {
    /** Text longer than this many UTF-8 bytes goes out in WebSocket fragments of at most this many. */
    static final int FRAGMENT_BYTES = 4096;
    private static final int OPCODE_CONTINUATION = 0x0;
    private static final int OPCODE_TEXT = 0x1;
    private static final int OPCODE_PING = 0x9;
    private static final int OPCODE_PONG = 0xA;
    private static final int FIN = 0x80;
    private static final byte[] SEQ_OPENING = Frames.SEQ_OPENING;
    private static final byte[] NO_BYTES = new byte[0];

    private final List<BufferData> pieces = new ArrayList<>();
    private int length;

    /** A numbered event: {@code {"seq":N,} in place of the body's opening brace, as one text message. */
    void numbered(long seq, byte[] body) {
        int digits = digits(seq);
        int prefix = SEQ_OPENING.length + digits + 1;
        if (body.length <= FRAGMENT_BYTES) {
            long payload = prefix + body.length - 1L;
            byte[] head = new byte[headerBytes(payload) + prefix];
            int at = header(head, FIN | OPCODE_TEXT, payload);
            seqPrefix(head, at, seq, digits);
            add(head, 0, head.length);
            add(body, 1, body.length - 1);
        } else {
            byte[] head = new byte[headerBytes(prefix) + prefix];
            int at = header(head, OPCODE_TEXT, prefix);
            seqPrefix(head, at, seq, digits);
            add(head, 0, head.length);
            fragments(body, 1, OPCODE_CONTINUATION);
        }
    }

    /** {@code text} (UTF-8) as one text message, in fragments when it is long. */
    void text(byte[] text) {
        fragments(text, 0, OPCODE_TEXT);
    }

    /** A ping with no payload. */
    void ping() {
        frame(OPCODE_PING, true, NO_BYTES, 0, 0);
    }

    /** The answer to a client's ping, with its payload (at most 125 bytes: Helidon refuses longer pings). */
    void pong(byte[] payload) {
        frame(OPCODE_PONG, true, payload, 0, payload.length);
    }

    boolean isEmpty() {
        return length == 0;
    }

    /** Bytes in the batch so far, frame headers included. */
    int size() {
        return length;
    }

    /** The frames so far, as one buffer for one write; the batch starts empty again. */
    BufferData take() {
        BufferData frames = pieces.size() == 1
                ? pieces.getFirst()
                : BufferData.create(pieces.toArray(BufferData[]::new));
        pieces.clear();
        length = 0;
        return frames;
    }

    /** Sends {@code text} from {@code start} on, the first fragment with {@code opcode}, the rest continuing. */
    private void fragments(byte[] text, int start, int opcode) {
        int at = start;
        int code = opcode;
        while (true) {
            int end = Frames.fragmentEnd(text, at, FRAGMENT_BYTES);
            boolean last = end == text.length;
            frame(code, last, text, at, end - at);
            if (last) {
                return;
            }
            code = OPCODE_CONTINUATION;
            at = end;
        }
    }

    private void frame(int opcode, boolean fin, byte[] payload, int from, int count) {
        byte[] head = new byte[headerBytes(count)];
        header(head, (fin ? FIN : 0) | opcode, count);
        add(head, 0, head.length);
        if (count > 0) {
            add(payload, from, count);
        }
    }

    private void add(byte[] bytes, int from, int count) {
        pieces.add(BufferData.create(bytes, from, count));
        length += count;
    }

    /** The header's size: the first byte, then the payload length in the shortest of its three forms. */
    private static int headerBytes(long payloadLength) {
        return payloadLength < 126 ? 2 : payloadLength < 1 << 16 ? 4 : 10;
    }

    /** Writes the header (RFC 6455, 5.2) at the start of {@code head}; returns where it ends. */
    private static int header(byte[] head, int first, long payloadLength) {
        int at = 0;
        head[at++] = (byte) first;
        if (payloadLength < 126) {
            head[at++] = (byte) payloadLength;
        } else if (payloadLength < 1 << 16) {
            head[at++] = 126;
            head[at++] = (byte) (payloadLength >>> 8);
            head[at++] = (byte) payloadLength;
        } else {
            head[at++] = 127;
            for (int shift = 56; shift >= 0; shift -= 8) {
                head[at++] = (byte) (payloadLength >>> shift);
            }
        }
        return at;
    }

    /** {@code {"seq":N,} at {@code at}: ASCII, written digit by digit rather than through a String. */
    private static void seqPrefix(byte[] head, int at, long seq, int digits) {
        System.arraycopy(SEQ_OPENING, 0, head, at, SEQ_OPENING.length);
        int end = at + SEQ_OPENING.length + digits;
        long rest = seq;
        for (int i = end - 1; i >= at + SEQ_OPENING.length; i--) {
            head[i] = (byte) ('0' + rest % 10);
            rest /= 10;
        }
        head[end] = ',';
    }

    private static int digits(long seq) {
        if (seq < 0) {
            throw new IllegalArgumentException("seq " + seq);
        }
        int digits = 1;
        for (long rest = seq / 10; rest > 0; rest /= 10) {
            digits++;
        }
        return digits;
    }
}
