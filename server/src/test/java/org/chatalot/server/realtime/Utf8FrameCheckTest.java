package org.chatalot.server.realtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;

import io.helidon.websocket.WsCloseException;
import org.junit.jupiter.api.Test;

/**
 * The frame check on byte streams made by hand: frames split at every possible point, masked and unmasked,
 * with control frames between fragments; and its UTF-8 rules against the JDK's strict decoder.
 */
class Utf8FrameCheckTest {
    private static final int TEXT = 0x1;
    private static final int BINARY = 0x2;
    private static final int CONTINUATION = 0x0;
    private static final int PING = 0x9;
    private final Random random = new Random(42);

    @Test
    void validTextPassesHoweverTheStreamIsCut() {
        byte[] stream = concat(
                frame(TEXT, true, "{\"type\":\"ping\",\"nonce\":\"é€😀\"}".getBytes(StandardCharsets.UTF_8)),
                frame(BINARY, true, new byte[] {(byte) 0xFF, (byte) 0xFE}),
                frame(TEXT, false, "caf".getBytes(StandardCharsets.UTF_8)),
                frame(PING, true, new byte[] {(byte) 0xC0}),
                frame(CONTINUATION, true, "é!".getBytes(StandardCharsets.UTF_8)),
                frame(TEXT, true, new byte[0]),
                frame(TEXT, true, "x".repeat(70_000).getBytes(StandardCharsets.UTF_8)));

        for (int cut = 0; cut <= stream.length; cut += cut < 300 ? 1 : 997) {
            Utf8FrameCheck check = new Utf8FrameCheck(null, null);
            int at = cut;
            assertThatCode(() -> {
                check.scan(Arrays.copyOfRange(stream, 0, at));
                check.scan(Arrays.copyOfRange(stream, at, stream.length));
            }).as("cut at %d", cut).doesNotThrowAnyException();
        }
    }

    @Test
    void invalidUtf8InATextFrameFailsWith1007() {
        assertInvalid(frame(TEXT, true, new byte[] {'{', (byte) 0xFF, '}'}));
        assertInvalid(frame(TEXT, true, new byte[] {(byte) 0xC0, (byte) 0x80}));
        assertInvalid(frame(TEXT, true, new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}));
        assertInvalid(frame(TEXT, true, new byte[] {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}));
        assertInvalid(frame(TEXT, true, new byte[] {'a', (byte) 0xE2, (byte) 0x82}));
    }

    @Test
    void aContinuationOfATextMessageIsCheckedTooEvenAfterAPing() {
        assertInvalid(concat(frame(TEXT, false, "ok".getBytes(StandardCharsets.UTF_8)),
                frame(PING, true, new byte[0]),
                frame(CONTINUATION, true, new byte[] {(byte) 0x80})));
    }

    @Test
    void aFrameThatEndsInsideACharacterIsRefusedBecauseEachFrameIsDecodedAlone() {
        byte[] euro = "€".getBytes(StandardCharsets.UTF_8);
        assertInvalid(concat(frame(TEXT, false, Arrays.copyOfRange(euro, 0, 1)),
                frame(CONTINUATION, true, Arrays.copyOfRange(euro, 1, 3))));
    }

    @Test
    void binaryAndControlPayloadsAreNotText() {
        byte[] garbage = {(byte) 0xFF, (byte) 0xC0, (byte) 0x80};
        assertThatCode(() -> new Utf8FrameCheck(null, null).scan(concat(frame(BINARY, false, garbage),
                frame(CONTINUATION, true, garbage), frame(PING, true, garbage))))
                .doesNotThrowAnyException();
    }

    @Test
    void theValidatorAgreesWithTheJdksStrictDecoder() {
        for (int i = 0; i < 20_000; i++) {
            byte[] bytes = new byte[1 + random.nextInt(6)];
            for (int j = 0; j < bytes.length; j++) {
                bytes[j] = (byte) (random.nextBoolean() ? 0x80 + random.nextInt(0x80) : random.nextInt(0x100));
            }
            assertThat(accepts(bytes)).as("%s", Arrays.toString(bytes)).isEqualTo(jdkAccepts(bytes));
        }
        for (int codePoint = 0; codePoint <= Character.MAX_CODE_POINT; codePoint += 7) {
            if (codePoint < Character.MIN_SURROGATE || codePoint > Character.MAX_SURROGATE) {
                byte[] bytes = new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8);
                assertThat(accepts(bytes)).as("U+%X", codePoint).isTrue();
            }
        }
    }

    private static boolean accepts(byte[] bytes) {
        Utf8FrameCheck.Utf8Validator validator = new Utf8FrameCheck.Utf8Validator();
        for (byte b : bytes) {
            if (!validator.accept(b & 0xFF)) {
                return false;
            }
        }
        return validator.isComplete();
    }

    private static boolean jdkAccepts(byte[] bytes) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private static void assertInvalid(byte[] stream) {
        assertThatThrownBy(() -> new Utf8FrameCheck(null, null).scan(stream))
                .isInstanceOfSatisfying(WsCloseException.class, e -> assertThat(e.closeCode()).isEqualTo(1007));
    }

    /** A client frame: masked with a random key. */
    private byte[] frame(int opcode, boolean fin, byte[] payload) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
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
        byte[] mask = new byte[4];
        random.nextBytes(mask);
        out.writeBytes(mask);
        for (int i = 0; i < payload.length; i++) {
            out.write(payload[i] ^ mask[i % 4]);
        }
        return out.toByteArray();
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
