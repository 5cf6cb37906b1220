package org.chatalot.server.realtime;

import java.io.UncheckedIOException;
import java.util.function.Supplier;

import io.helidon.common.buffers.DataReader;
import io.helidon.common.socket.HelidonSocket;
import io.helidon.webserver.ServerConnectionException;
import io.helidon.websocket.WsCloseException;

import org.chatalot.model.ws.CloseCodes;
import org.chatalot.server.http.DataReaders;

/**
 * Fails a WebSocket with 1007 when a text frame is not UTF-8 (RFC 6455, 8.1). Helidon decodes text frames
 * with replacement, so invalid bytes would reach us as U+FFFD with no way to tell them from a real one; this
 * reads the socket's bytes before Helidon does, follows the frame headers, unmasks the payload of text
 * frames and checks it. Helidon decodes each frame on its own, so each frame must hold whole characters
 * (a fragment that ends inside a character is refused rather than garbled). Throwing
 * {@link WsCloseException} from the reader is how Helidon's frame reader fails a connection: it sends the
 * close frame and drops the connection.
 */
final class Utf8FrameCheck implements Supplier<byte[]> {
    private static final int TEXT = 0x1;
    private static final int BINARY = 0x2;
    private static final int CONTINUATION = 0x0;

    private final DataReader alreadyRead;
    private final HelidonSocket socket;
    /** The reader this supplies, and its head at its last read: see {@link DataReaders#unlinkConsumed}. */
    private DataReader reader;
    private Object headAtLastRead;
    private final Utf8Validator utf8 = new Utf8Validator();
    private Part part = Part.FIRST_BYTE;
    private int opcode;
    private boolean fin;
    private boolean masked;
    private boolean textMessage;
    private int extendedLengthBytes;
    private long remaining;
    private final byte[] mask = new byte[4];
    private int maskBytes;
    private long payloadOffset;

    /**
     * Reads what {@code alreadyRead} holds (the HTTP connection may have read past the upgrade request), then
     * {@code socket} itself.
     */
    Utf8FrameCheck(DataReader alreadyRead, HelidonSocket socket) {
        this.alreadyRead = alreadyRead;
        this.socket = socket;
    }

    /** The reader this supplies, whose consumed nodes it unlinks before each read. */
    void readBy(DataReader reader) {
        this.reader = reader;
    }

    /**
     * The socket is read here rather than through another reader, and its failures are mapped here as Helidon's
     * own reader maps them (an I/O failure ends the connection quietly): every call between Helidon's frame
     * reader and the socket would be one more frame on the stack of each idle socket's parked reader.
     */
    @Override
    public byte[] get() {
        if (reader != null) {
            headAtLastRead = DataReaders.unlinkConsumed(reader, headAtLastRead);
        }
        byte[] bytes;
        try {
            bytes = alreadyRead.available() > 0 ? alreadyRead.readBytes(alreadyRead.available()) : socket.get();
        } catch (UncheckedIOException e) {
            throw new ServerConnectionException("Failed to get data from socket", e);
        }
        if (bytes != null) {
            scan(bytes);
        }
        return bytes;
    }

    /** Follows the frames through {@code bytes}; throws at the first invalid UTF-8 of a text frame. */
    void scan(byte[] bytes) {
        int at = 0;
        while (at < bytes.length) {
            if (part == Part.PAYLOAD) {
                at = payload(bytes, at);
            } else {
                header(bytes[at++] & 0xFF);
            }
        }
    }

    private void header(int b) {
        switch (part) {
            case FIRST_BYTE -> {
                fin = (b & 0x80) != 0;
                opcode = b & 0x0F;
                part = Part.LENGTH;
            }
            case LENGTH -> {
                masked = (b & 0x80) != 0;
                int length = b & 0x7F;
                remaining = length < 126 ? length : 0;
                extendedLengthBytes = length == 126 ? 2 : length == 127 ? 8 : 0;
                part = extendedLengthBytes > 0 ? Part.EXTENDED_LENGTH : afterLength();
            }
            case EXTENDED_LENGTH -> {
                remaining = (remaining << 8) | b;
                if (remaining < 0) {
                    throw new WsCloseException("frame too long", CloseCodes.MESSAGE_TOO_BIG);
                }
                part = --extendedLengthBytes > 0 ? Part.EXTENDED_LENGTH : afterLength();
            }
            case MASK -> {
                mask[maskBytes++] = (byte) b;
                part = maskBytes == mask.length ? startPayload() : Part.MASK;
            }
            default -> throw new IllegalStateException("not a header part: " + part);
        }
    }

    private Part afterLength() {
        maskBytes = 0;
        return masked ? Part.MASK : startPayload();
    }

    private Part startPayload() {
        payloadOffset = 0;
        utf8.reset();
        if (remaining == 0) {
            endFrame();
            return Part.FIRST_BYTE;
        }
        return Part.PAYLOAD;
    }

    private int payload(byte[] bytes, int at) {
        int end = (int) Math.min(bytes.length, at + remaining);
        if (isText()) {
            for (int i = at; i < end; i++) {
                int b = masked ? bytes[i] ^ mask[(int) (payloadOffset++ & 3)] : bytes[i];
                if (!utf8.accept(b & 0xFF)) {
                    throw invalid();
                }
            }
        }
        remaining -= end - at;
        if (remaining == 0) {
            endFrame();
            part = Part.FIRST_BYTE;
        }
        return end;
    }

    /** Data frames of a text message; control frames may come between its fragments. */
    private boolean isText() {
        return opcode == TEXT || opcode == CONTINUATION && textMessage;
    }

    private void endFrame() {
        if (isText() && !utf8.isComplete()) {
            throw invalid();
        }
        if (opcode == TEXT || opcode == BINARY) {
            textMessage = opcode == TEXT && !fin;
        } else if (opcode == CONTINUATION && fin) {
            textMessage = false;
        }
    }

    private static WsCloseException invalid() {
        return new WsCloseException("text frames must be UTF-8, with whole characters in each frame",
                CloseCodes.INVALID_PAYLOAD);
    }

    private enum Part {
        FIRST_BYTE, LENGTH, EXTENDED_LENGTH, MASK, PAYLOAD
    }

    /**
     * UTF-8 as RFC 3629 defines it, a byte at a time: no overlong forms, no surrogates, nothing above
     * U+10FFFF. Each lead byte narrows what the next byte may be.
     */
    static final class Utf8Validator {
        private int pending;
        private int low = 0x80;
        private int high = 0xBF;

        void reset() {
            pending = 0;
        }

        /** True when {@code b} may come next. */
        boolean accept(int b) {
            if (pending > 0) {
                if (b < low || b > high) {
                    return false;
                }
                pending--;
                low = 0x80;
                high = 0xBF;
                return true;
            }
            if (b < 0x80) {
                return true;
            }
            return lead(b);
        }

        /** True when no character is half way through. */
        boolean isComplete() {
            return pending == 0;
        }

        private boolean lead(int b) {
            if (b >= 0xC2 && b <= 0xDF) {
                return expect(1, 0x80, 0xBF);
            }
            if (b == 0xE0) {
                return expect(2, 0xA0, 0xBF);
            }
            if (b >= 0xE1 && b <= 0xEC || b == 0xEE || b == 0xEF) {
                return expect(2, 0x80, 0xBF);
            }
            if (b == 0xED) {
                return expect(2, 0x80, 0x9F);
            }
            if (b == 0xF0) {
                return expect(3, 0x90, 0xBF);
            }
            if (b >= 0xF1 && b <= 0xF3) {
                return expect(3, 0x80, 0xBF);
            }
            if (b == 0xF4) {
                return expect(3, 0x80, 0x8F);
            }
            return false;
        }

        private boolean expect(int continuationBytes, int firstLow, int firstHigh) {
            pending = continuationBytes;
            low = firstLow;
            high = firstHigh;
            return true;
        }
    }
}
