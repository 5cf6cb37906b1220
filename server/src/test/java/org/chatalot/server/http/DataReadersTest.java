package org.chatalot.server.http;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.function.Supplier;

import io.helidon.common.buffers.DataReader;
import org.junit.jupiter.api.Test;

class DataReadersTest {
    private static final String REQUEST = "POST /api/files HTTP/1.1\r\nContent-Length: 12\r\n\r\nhello, world";

    @Test
    void reachesTheReaderOfThisHelidon() {
        // Fails when a Helidon upgrade renames what the unlinking needs: then uploads take memory again (W5).
        assertThat(DataReaders.unlinks()).isTrue();
    }

    @Test
    void readsWhatTheSocketSuppliesInOrder() {
        DataReader reader = DataReaders.unlinking(reads("POST /api/files HTTP/1.1\r\nContent-", "Length: 12\r\n\r\n",
                "hello,", " world"));

        assertThat(reader.readAsciiString(reader.findNewLine(Integer.MAX_VALUE))).isEqualTo("POST /api/files HTTP/1.1");
        reader.skip(2);
        assertThat(reader.readAsciiString(reader.findNewLine(Integer.MAX_VALUE))).isEqualTo("Content-Length: 12");
        reader.skip(4);
        assertThat(new String(reader.readBytes(12), US_ASCII)).isEqualTo("hello, world");
    }

    @Test
    void aConsumedNodeLinksToNothingButTheHead() {
        DataReader reader = DataReaders.unlinking(reads(REQUEST.split("(?<=\\n)")));
        List<Object> heads = new ArrayList<>();

        for (int i = 0; i < REQUEST.length(); i++) {
            heads.add(head(reader));
            reader.read();
        }
        reader.ensureAvailable();  // the next request's first read: the body's node is consumed now
        Object current = head(reader);

        List<Object> consumed = heads.stream().distinct().filter(node -> node != current).toList();
        assertThat(consumed).hasSizeGreaterThanOrEqualTo(4);
        // The node that was the head at the last read still links to the node that read made, which is the head
        // now (alive anyway); every other consumed node links to nothing.
        for (Object node : consumed) {
            assertThat(next(node)).as("the link of consumed node %s", node).isIn(null, current);
        }
        assertThat(consumed.stream().filter(node -> next(node) == null)).hasSize(consumed.size() - 1);
    }

    /** Each string one read of the socket, then the connection stays open with a last line waiting. */
    private static Supplier<byte[]> reads(String... parts) {
        Queue<byte[]> queue = new ArrayDeque<>();
        for (String part : parts) {
            queue.add(part.getBytes(US_ASCII));
        }
        queue.add("GET /api/health HTTP/1.1\r\n".getBytes(US_ASCII));
        return queue::poll;
    }

    private static Object head(DataReader reader) {
        return field(DataReader.class, "head", reader);
    }

    private static Object next(Object node) {
        return field(node.getClass(), "next", node);
    }

    private static Object field(Class<?> type, String name, Object of) {
        try {
            Field field = type.getDeclaredField(name);
            field.setAccessible(true);
            return field.get(of);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError("Helidon's DataReader has no field " + name, e);
        }
    }
}
