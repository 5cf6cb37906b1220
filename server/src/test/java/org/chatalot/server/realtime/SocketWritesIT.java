package org.chatalot.server.realtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.management.HotSpotDiagnosticMXBean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.chatalot.model.auth.AuthTokens;
import org.chatalot.model.channel.Channel;
import org.chatalot.model.ws.ClientMessage;
import org.chatalot.server.testing.RawWebSocket;
import org.chatalot.server.testing.TestServer;
import org.chatalot.server.testing.WsClient;

/**
 * How a socket's frames leave the server: what is queued goes out in batches (several frames, one write),
 * and they must still arrive as valid server frames, whole and in order; an idle socket keeps no writer
 * thread (nor one watching its reader), and its writer starts again for the next frame.
 */
class SocketWritesIT {
    /** An emoji is a surrogate pair: two chars in Java, four bytes in UTF-8. */
    private static final String EMOJI = "\uD83D\uDE00";
    private static final int MESSAGES = 160;

    @RegisterExtension
    static TestServer server = TestServer.create()
            .with("WS_RATE_LIMIT_PER_SECOND", "100000").with("WS_RATE_LIMIT_BURST", "100000");

    @Test
    void framesQueuedWhileTheClientReadsNothingArriveValidWholeAndInOrder() throws Exception {
        AuthTokens writer = server.users().register("sw.writer");
        AuthTokens reader = server.users().register("sw.reader");
        Channel channel = server.chat().publicChannel(writer, "batches");
        server.chat().join(reader, channel.id());
        List<String> sent = new ArrayList<>();
        for (int i = 0; i < MESSAGES; i++) {
            // every other one ~60 KB in UTF-8: fragments, with small messages queued before and after it
            sent.add(i % 2 == 1 ? "large " + i + " " + EMOJI.repeat(15_000) : "small " + i);
        }
        // A small receive buffer and no reading: the server's writes block and its queue fills behind them,
        // so what follows leaves in batches of many frames.
        try (RawWebSocket raw = RawWebSocket.connect(server.server().port(), 4096);
             WsClient out = WsClient.authenticated(server, writer.accessToken())) {
            raw.sendText("{\"type\":\"authenticate\",\"token\":\"" + reader.accessToken() + "\"}");
            while (!raw.read().text().contains("\"authenticated\"")) {
                // until the session is attached, so that it receives every message
            }
            for (int i = 0; i < MESSAGES; i++) {
                if (i >= Dispatcher.MAX_SENDS_IN_FLIGHT) {
                    out.await("message_sent");
                }
                out.send(new ClientMessage.SendMessage(channel.id(), sent.get(i), null, null, null, "c" + i));
            }

            List<JsonNode> numbered = new ArrayList<>();
            List<String> received = new ArrayList<>();
            while (received.size() < MESSAGES) {
                JsonNode event = server.json().readTree(readMessage(raw));
                if (event.has("seq")) {
                    numbered.add(event);
                }
                if (event.get("type").asText().equals("new_message")) {
                    received.add(event.at("/message/content").asText());
                }
            }

            assertThat(received).containsExactlyElementsOf(sent);
            for (int i = 1; i < numbered.size(); i++) {
                assertThat(numbered.get(i).get("seq").asLong()).as("numbered without gaps, in order")
                        .isEqualTo(numbered.get(i - 1).get("seq").asLong() + 1);
            }
        }
    }

    @Test
    void anIdleSocketKeepsNoWriterThreadAndItsWriterStartsAgainForTheNextFrame() throws Exception {
        AuthTokens writer = server.users().register("sw.idle.writer");
        AuthTokens reader = server.users().register("sw.idle.reader");
        Channel channel = server.chat().publicChannel(writer, "idle");
        server.chat().join(reader, channel.id());
        try (WsClient out = WsClient.authenticated(server, writer.accessToken());
             WsClient in = WsClient.authenticated(server, reader.accessToken())) {
            for (int round = 0; round < 3; round++) {
                assertThat(awaitNoThreadNamed("ws-writer", "ws-reader-watch"))
                        .as("round %d: sockets open and idle, no writer or watcher thread left", round).isTrue();
                String content = "round " + round;
                out.send(new ClientMessage.SendMessage(channel.id(), content, null, null, null, "r" + round));
                JsonNode delivered = in.await("new_message", n -> n.at("/message/content").asText().equals(content));
                assertThat(delivered.get("seq").asLong()).isPositive();
            }
        }
    }

    /** Reads frames until a whole text message, answering pings, and checks how fragments follow each other. */
    private static String readMessage(RawWebSocket raw) throws IOException {
        StringBuilder message = null;
        while (true) {
            RawWebSocket.Frame frame = raw.read();
            if (frame.opcode() == RawWebSocket.PING) {
                raw.sendFrame(RawWebSocket.PONG, frame.payload(), true);
                continue;
            }
            if (frame.opcode() == RawWebSocket.CONTINUATION) {
                assertThat(message).as("a continuation only inside a fragmented message").isNotNull();
                message.append(frame.text());
            } else {
                assertThat(frame.opcode()).isEqualTo(RawWebSocket.TEXT);
                assertThat(message).as("a new message only once the last one ended").isNull();
                message = new StringBuilder(frame.text());
            }
            assertThat(frame.text()).as("fragments hold whole characters").doesNotContain("\uFFFD");
            if (frame.fin()) {
                return message.toString();
            }
        }
    }

    /**
     * Waits until no live thread of the JVM (virtual ones included: they are in the JSON thread dump) has one
     * of the names; false if one still has after 20 s.
     */
    private static boolean awaitNoThreadNamed(String... names) throws IOException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        HotSpotDiagnosticMXBean diagnostics = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
        Path dir = Files.createTempDirectory("threads");
        try {
            for (int attempt = 0; System.nanoTime() < deadline; attempt++) {
                Path dump = dir.resolve("dump-" + attempt + ".json");
                diagnostics.dumpThreads(dump.toString(), HotSpotDiagnosticMXBean.ThreadDumpFormat.JSON);
                String threads = Files.readString(dump, StandardCharsets.UTF_8);
                Files.delete(dump);
                boolean found = false;
                for (String name : names) {
                    found |= threads.contains("\"name\": \"" + name + "\"");
                }
                if (!found) {
                    return true;
                }
                LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
            }
            return false;
        } finally {
            Files.deleteIfExists(dir);
        }
    }
}
