package org.chatalot.server.realtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.chatalot.model.auth.AuthTokens;
import org.chatalot.model.channel.Channel;
import org.chatalot.model.message.Message;
import org.chatalot.model.ws.ClientMessage;
import org.chatalot.server.testing.RawWebSocket;
import org.chatalot.server.testing.TestServer;
import org.chatalot.server.testing.WsClient;

/**
 * Frames longer than {@link FrameBatch#FRAGMENT_BYTES} (UTF-8) leave the server in fragments and must arrive whole:
 * no character split, no fragment of another frame in between, the same in a resume's replay. Clients
 * may fragment too.
 */
class LargeFramesIT {
    /** An emoji is a surrogate pair: two chars in Java, four bytes in UTF-8. */
    private static final String EMOJI = "\uD83D\uDE00";

    @RegisterExtension
    static TestServer server = TestServer.create();

    @Test
    void largeEventsArriveWholeLiveAndInAResumeEvenWhereAFragmentBoundaryFallsInsideAnEmoji() {
        AuthTokens writer = server.users().register("lf.writer");
        AuthTokens reader = server.users().register("lf.reader");
        Channel channel = server.chat().publicChannel(writer, "large");
        server.chat().join(reader, channel.id());
        // All-emoji text with an even and an odd ASCII lead: one of the two puts a boundary inside a pair.
        String even = EMOJI.repeat(15_000);
        String odd = "a" + EMOJI.repeat(15_000);
        try (WsClient out = WsClient.authenticated(server, writer.accessToken())) {
            WsClient in = WsClient.authenticated(server, reader.accessToken());
            String sessionId = in.seen().getFirst().get("session_id").asText();
            out.send(new ClientMessage.SendMessage(channel.id(), even, null, null, null, "even"));
            out.send(new ClientMessage.SendMessage(channel.id(), odd, null, null, null, "odd"));
            out.send(new ClientMessage.SendMessage(channel.id(), "small", null, null, null, "small"));
            out.await("message_sent", n -> n.get("client_id").asText().equals("small"));

            List<JsonNode> live = events(in, 3);
            assertThat(live).extracting(LargeFramesIT::content).containsExactly(even, odd, "small");
            long lastSeqBeforeDrop = live.getFirst().get("seq").asLong() - 1;
            in.abort();

            try (WsClient resumed = WsClient.connect(server)) {
                resumed.send(new ClientMessage.Resume(reader.accessToken(), UUID.fromString(sessionId),
                        lastSeqBeforeDrop));
                resumed.await("resumed");
                assertThat(events(resumed, 3)).as("replayed").extracting(LargeFramesIT::content)
                        .containsExactly(even, odd, "small");
            }
        }
    }

    @Test
    void aMessageTheClientSendsInFragmentsIsReassembledAndTheNextFrameStandsAlone() {
        AuthTokens writer = server.users().register("lf.fragmenter");
        Channel channel = server.chat().publicChannel(writer, "fragments");
        String content = "b" + EMOJI.repeat(10_000) + "c";
        String frame = "{\"type\":\"send_message\",\"channel_id\":\"" + channel.id() + "\",\"content\":\""
                + content + "\",\"client_id\":\"big\"}";
        try (WsClient out = WsClient.authenticated(server, writer.accessToken())) {
            out.sendFragmented(frame, 1000);
            out.send(new ClientMessage.SendMessage(channel.id(), "next", null, null, null, "next"));

            assertThat(out.await("message_sent").get("client_id").asText()).isEqualTo("big");
            assertThat(out.await("message_sent").get("client_id").asText()).isEqualTo("next");
            assertThat(server.chat().history(writer, channel.id(), "").messages())
                    .extracting(Message::content).containsExactly("next", content);
        }
    }

    @Test
    void aFragmentNeverEndsInsideTheUtf8BytesOfACharacter() {
        byte[] text = ("ab" + EMOJI + "cd").getBytes(StandardCharsets.UTF_8); // the emoji is bytes 2 to 5
        assertThat(Frames.fragmentEnd(text, 0, 3)).as("would end after the emoji's first byte").isEqualTo(2);
        assertThat(Frames.fragmentEnd(text, 0, 5)).as("or its third").isEqualTo(2);
        assertThat(Frames.fragmentEnd(text, 0, 6)).isEqualTo(6);
        assertThat(Frames.fragmentEnd(text, 2, 4)).isEqualTo(6);
        assertThat(Frames.fragmentEnd(text, 6, 10)).isEqualTo(text.length);
        assertThat(Frames.fragmentEnd(text, 2, 1)).as("always moves on, even by part of a character").isEqualTo(3);
    }

    @Test
    void aLongNonAsciiEventReachesEachReaderInFragmentsOfWholeCharactersWithItsOwnNumber() throws Exception {
        AuthTokens writer = server.users().register("lf.utf8.writer");
        AuthTokens first = server.users().register("lf.utf8.first");
        AuthTokens second = server.users().register("lf.utf8.second");
        Channel channel = server.chat().publicChannel(writer, "utf8-wire");
        server.chat().join(first, channel.id());
        server.chat().join(second, channel.id());
        // Two, three and four bytes a character: fragments of at most 4,096 bytes end inside some of them
        // unless they are cut at a character's start.
        String content = ("\u00e9\u20ac" + EMOJI).repeat(2_000);
        try (RawWebSocket one = attached(first); RawWebSocket two = attached(second);
             WsClient out = WsClient.authenticated(server, writer.accessToken())) {
            out.send(new ClientMessage.SendMessage(channel.id(), content, null, null, null, "utf8"));
            for (RawWebSocket reader : List.of(one, two)) {
                List<RawWebSocket.Frame> fragments = fragmentedMessage(reader);
                assertThat(fragments).hasSizeGreaterThan(4).allSatisfy(frame -> {
                    assertThat(frame.payload().length).isLessThanOrEqualTo(FrameBatch.FRAGMENT_BYTES);
                    String decodedAlone = StandardCharsets.UTF_8.newDecoder()
                            .decode(ByteBuffer.wrap(frame.payload())).toString(); // throws on a split character
                    assertThat(decodedAlone).isNotEmpty();
                });
                String joined = fragments.stream().map(RawWebSocket.Frame::text).reduce("", String::concat);
                assertThat(joined).startsWith("{\"seq\":").contains(content);
            }
        }
    }

    /** A raw socket of this user's, once its session is attached (so that it receives what is sent next). */
    private static RawWebSocket attached(AuthTokens user) throws Exception {
        RawWebSocket raw = RawWebSocket.connect(server.server().port());
        raw.sendText("{\"type\":\"authenticate\",\"token\":\"" + user.accessToken() + "\"}");
        while (!raw.read().text().contains("\"authenticated\"")) {
            // until the session is attached
        }
        return raw;
    }

    /** The frames of the next fragmented message; whole messages before it (presence, pings) are skipped. */
    private static List<RawWebSocket.Frame> fragmentedMessage(RawWebSocket raw) throws Exception {
        RawWebSocket.Frame first;
        do {
            first = raw.read();
        } while (first.fin());
        List<RawWebSocket.Frame> fragments = new ArrayList<>(List.of(first));
        while (!fragments.getLast().fin()) {
            fragments.add(raw.read());
        }
        return fragments;
    }

    @Test
    void onTheWireALongEventIsATextFrameAndContinuationsOfBoundedSize() throws Exception {
        AuthTokens writer = server.users().register("lf.wire.writer");
        AuthTokens reader = server.users().register("lf.wire.reader");
        Channel channel = server.chat().publicChannel(writer, "wire");
        server.chat().join(reader, channel.id());
        String content = "z".repeat(20_000);
        try (RawWebSocket raw = RawWebSocket.connect(server.server().port());
             WsClient out = WsClient.authenticated(server, writer.accessToken())) {
            raw.sendText("{\"type\":\"authenticate\",\"token\":\"" + reader.accessToken() + "\"}");
            while (!raw.read().text().contains("\"authenticated\"")) {
                // until the session is attached, so that it receives the message
            }
            out.send(new ClientMessage.SendMessage(channel.id(), content, null, null, null, "wire"));
            RawWebSocket.Frame first;
            do {
                first = raw.read(); // presence and pings come whole
            } while (first.fin());
            List<RawWebSocket.Frame> fragments = new ArrayList<>(List.of(first));
            while (!fragments.getLast().fin()) {
                fragments.add(raw.read());
            }
            String joined = fragments.stream().map(RawWebSocket.Frame::text).reduce("", String::concat);

            assertThat(fragments.getFirst().opcode()).isEqualTo(RawWebSocket.TEXT);
            assertThat(fragments.subList(1, fragments.size())).allSatisfy(
                    frame -> assertThat(frame.opcode()).isEqualTo(RawWebSocket.CONTINUATION));
            assertThat(fragments).hasSizeGreaterThan(4).allSatisfy(
                    frame -> assertThat(frame.payload().length).isLessThanOrEqualTo(FrameBatch.FRAGMENT_BYTES));
            assertThat(joined).startsWith("{\"seq\":").contains("\"type\":\"new_message\"").contains(content);
        }
    }

    private static List<JsonNode> events(WsClient client, int count) {
        List<JsonNode> seen = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            seen.add(client.await("new_message"));
        }
        return seen;
    }

    private static String content(JsonNode newMessage) {
        return newMessage.at("/message/content").asText();
    }
}
