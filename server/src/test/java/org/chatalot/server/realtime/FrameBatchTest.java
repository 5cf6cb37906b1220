package org.chatalot.server.realtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.helidon.common.buffers.BufferData;

/**
 * Several queued frames encoded into one buffer must read back, with a strict RFC 6455 reader, as the same
 * messages in the same order: server frames unmasked, no reserved bits, lengths in their shortest form,
 * control frames whole and small, continuations only inside a fragmented message.
 */
class FrameBatchTest {
    /** An emoji is a surrogate pair: two chars in Java, four bytes in UTF-8. */
    private static final String EMOJI = "\uD83D\uDE00";

    @Test
    void queuedFramesReadBackInOrderWithALargeFragmentedOneBetweenSmallOnes() throws IOException {
        String large = "{\"type\":\"new_message\",\"content\":\"" + "a" + EMOJI.repeat(30_000) + "\"}";
        String medium = "{\"type\":\"x\",\"pad\":\"" + "m".repeat(300) + "\"}";
        FrameBatch batch = new FrameBatch();
        batch.numbered(7, utf8("{\"type\":\"hello\"}"));
        batch.numbered(8, utf8(large));
        batch.ping();
        batch.text(utf8("{\"type\":\"presence\"}"));
        batch.numbered(9, utf8(medium));
        batch.pong(new byte[] {1, 2, 3});
        batch.text(utf8(large));

        List<Message> read = readAll(batch.take());

        assertThat(read).containsExactly(
                new Message(0x1, "{\"seq\":7,\"type\":\"hello\"}"),
                new Message(0x1, "{\"seq\":8," + large.substring(1)),
                new Message(0x9, ""),
                new Message(0x1, "{\"type\":\"presence\"}"),
                new Message(0x1, "{\"seq\":9," + medium.substring(1)),
                new Message(0xA, "\u0001\u0002\u0003"),
                new Message(0x1, large));
    }

    @Test
    void aLargeTextLeavesInFragmentsOfAtMostFragmentBytesThatNeverSplitAnEmoji() throws IOException {
        String odd = "b" + EMOJI.repeat(10_000);
        FrameBatch batch = new FrameBatch();
        batch.text(utf8(odd));
        List<Frame> frames = frames(batch.take());

        assertThat(frames).hasSizeGreaterThan(4);
        assertThat(frames.getFirst().opcode()).isEqualTo(0x1);
        assertThat(frames.subList(1, frames.size())).allSatisfy(frame -> assertThat(frame.opcode()).isZero());
        assertThat(frames.subList(0, frames.size() - 1)).noneSatisfy(frame -> assertThat(frame.fin()).isTrue());
        assertThat(frames.getLast().fin()).isTrue();
        assertThat(frames).allSatisfy(frame -> {
            assertThat(frame.payload().length).isLessThanOrEqualTo(FrameBatch.FRAGMENT_BYTES);
            assertThat(new String(frame.payload(), StandardCharsets.UTF_8)).doesNotContain("\uFFFD");
        });
    }

    @Test
    void theBatchIsEmptyAgainOnceTaken() throws IOException {
        FrameBatch batch = new FrameBatch();
        batch.text(utf8("{\"a\":1}"));
        assertThat(batch.size()).isEqualTo(2 + 7);
        assertThat(readAll(batch.take())).hasSize(1);
        assertThat(batch.isEmpty()).isTrue();
        batch.text(utf8("{\"b\":2}"));
        assertThat(readAll(batch.take())).containsExactly(new Message(0x1, "{\"b\":2}"));
    }

    @Test
    void oneEncodedBodyNumberedForSeveralSocketsReadsBackWithEachNumberAndIsNotChanged() throws IOException {
        byte[] body = utf8("{\"type\":\"new_message\",\"content\":\"caf\u00e9 " + EMOJI + "\"}");
        byte[] before = body.clone();
        long[] numbers = {1, 9, 10, 99, 100, 123_456_789_012L, Long.MAX_VALUE};
        List<Message> expected = new ArrayList<>();
        FrameBatch batch = new FrameBatch();
        for (long seq : numbers) {
            batch.numbered(seq, body);
            expected.add(new Message(0x1, "{\"seq\":" + seq + "," + new String(body, 1, body.length - 1,
                    StandardCharsets.UTF_8)));
        }

        assertThat(readAll(batch.take())).containsExactlyElementsOf(expected);
        assertThat(body).as("the shared bytes are only read").isEqualTo(before);
    }

    @Test
    void aNumberedBodyJustOverTheFragmentSizeIsFragmentedAndOneAtItIsNot() throws IOException {
        String at = "{\"p\":\"" + "x".repeat(FrameBatch.FRAGMENT_BYTES - 8) + "\"}";
        String over = "{\"p\":\"" + "x".repeat(FrameBatch.FRAGMENT_BYTES - 7) + "\"}";
        assertThat(utf8(at)).hasSize(FrameBatch.FRAGMENT_BYTES);
        FrameBatch batch = new FrameBatch();
        batch.numbered(5, utf8(at));
        assertThat(frames(batch.take())).hasSize(1);
        batch.numbered(6, utf8(over));
        BufferData overFrames = batch.take();
        byte[] copy = new byte[overFrames.available()];
        overFrames.read(copy);

        assertThat(frames(BufferData.create(copy))).hasSizeGreaterThan(1);
        assertThat(readAll(BufferData.create(copy)))
                .containsExactly(new Message(0x1, "{\"seq\":6," + over.substring(1)));
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private record Message(int opcode, String text) {
    }

    private record Frame(int opcode, boolean fin, byte[] payload) {
    }

    /** Messages reassembled from the frames, checking RFC 6455's rules for a client reading a server. */
    private static List<Message> readAll(BufferData buffer) throws IOException {
        List<Message> messages = new ArrayList<>();
        StringBuilder fragmented = null;
        for (Frame frame : frames(buffer)) {
            if (frame.opcode() >= 0x8) {
                assertThat(frame.fin()).as("control frames are never fragmented").isTrue();
                assertThat(frame.payload().length).as("control payload").isLessThanOrEqualTo(125);
                messages.add(new Message(frame.opcode(), new String(frame.payload(), StandardCharsets.ISO_8859_1)));
                continue;
            }
            String text = new String(frame.payload(), StandardCharsets.UTF_8);
            if (frame.opcode() == 0x0) {
                assertThat(fragmented).as("a continuation only inside a fragmented message").isNotNull();
                fragmented.append(text);
            } else {
                assertThat(frame.opcode()).isEqualTo(0x1);
                assertThat(fragmented).as("a new message only once the last one ended").isNull();
                fragmented = new StringBuilder(text);
            }
            if (frame.fin()) {
                messages.add(new Message(0x1, fragmented.toString()));
                fragmented = null;
            }
        }
        assertThat(fragmented).as("no message left unfinished").isNull();
        return messages;
    }

    private static List<Frame> frames(BufferData buffer) throws IOException {
        byte[] bytes = new byte[buffer.available()];
        buffer.read(bytes);
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes));
        List<Frame> frames = new ArrayList<>();
        while (in.available() > 0) {
            int first = in.readUnsignedByte();
            int second = in.readUnsignedByte();
            assertThat(first & 0x70).as("reserved bits").isZero();
            assertThat(second & 0x80).as("a server never masks").isZero();
            long length = second & 0x7F;
            if (length == 126) {
                length = in.readUnsignedShort();
                assertThat(length).as("shortest length form").isGreaterThanOrEqualTo(126);
            } else if (length == 127) {
                length = in.readLong();
                assertThat(length).as("shortest length form").isGreaterThanOrEqualTo(1 << 16);
            }
            byte[] payload = new byte[(int) length];
            in.readFully(payload);
            frames.add(new Frame(first & 0x0F, (first & 0x80) != 0, payload));
        }
        return frames;
    }
}
