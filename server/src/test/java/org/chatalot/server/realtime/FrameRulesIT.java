package org.chatalot.server.realtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.chatalot.model.auth.AuthTokens;
import org.chatalot.server.http.Json;
import org.chatalot.server.testing.RawWebSocket;
import org.chatalot.server.testing.TestServer;

/**
 * What the server does with frames outside the JSON text protocol, written by hand on a raw socket: binary
 * frames (1003, never answered), text that is not UTF-8 (1007), ping frames beyond the frame allowance (not
 * answered), and a client that never answers the server's close frame (disconnected).
 */
class FrameRulesIT {
    private static final ObjectMapper JSON = Json.createMapper();

    @Nested
    class DataFrames {
        @RegisterExtension
        static TestServer server = TestServer.create();

        @Test
        void aBinaryFrameBeforeAuthenticationClosesWith1003AndGetsNoOtherAnswer() throws IOException {
            try (RawWebSocket socket = RawWebSocket.connect(server.server().port())) {
                socket.sendFrame(RawWebSocket.BINARY, new byte[] {1, 2, 3}, true);

                RawWebSocket.Frame first = socket.read();
                assertThat(first.opcode()).as("no text answer before the close").isEqualTo(RawWebSocket.CLOSE);
                assertThat(first.closeCode()).isEqualTo(1003);
            }
        }

        @Test
        void aBinaryFrameAfterAuthenticationClosesWith1003WithoutAnError() throws IOException {
            AuthTokens user = server.users().register("fr.binary");
            try (RawWebSocket socket = authenticated(user)) {
                socket.sendFrame(RawWebSocket.BINARY, new byte[] {(byte) 0xFF}, false);
                socket.sendFrame(RawWebSocket.CONTINUATION, new byte[] {(byte) 0xFE}, true);

                List<JsonNode> before = new ArrayList<>();
                RawWebSocket.Frame close = readUntilClose(socket, before);
                assertThat(close.closeCode()).isEqualTo(1003);
                assertThat(before).noneMatch(frame -> frame.path("type").asText().equals("error"));
            }
        }

        @Test
        void aTextFrameThatIsNotUtf8ClosesWith1007() throws IOException {
            try (RawWebSocket socket = RawWebSocket.connect(server.server().port())) {
                socket.sendFrame(RawWebSocket.TEXT, new byte[] {'{', (byte) 0xC3, '}'}, true);

                RawWebSocket.Frame first = socket.read();
                assertThat(first.opcode()).isEqualTo(RawWebSocket.CLOSE);
                assertThat(first.closeCode()).isEqualTo(1007);
            }
        }

        @Test
        void aFrameSentWithTheUpgradeRequestIsReadAndCheckedLikeAnyOther() throws IOException {
            AuthTokens user = server.users().register("fr.eager");
            byte[] authenticate = ("{\"type\":\"authenticate\",\"token\":\"" + user.accessToken() + "\"}")
                    .getBytes(StandardCharsets.UTF_8);
            try (RawWebSocket socket = RawWebSocket.connectSendingAtOnce(server.server().port(), authenticate)) {
                assertThat(readUntilType(socket, "authenticated").get("user_id").asText())
                        .isEqualTo(user.user().id().toString());
            }
            byte[] notUtf8 = {'{', (byte) 0xC3, '}'};
            try (RawWebSocket socket = RawWebSocket.connectSendingAtOnce(server.server().port(), notUtf8)) {
                assertThat(readUntilClose(socket, new ArrayList<>()).closeCode()).isEqualTo(1007);
            }
        }

        @Test
        void invalidUtf8InALaterFragmentOfAnAuthenticatedSocketClosesWith1007() throws IOException {
            AuthTokens user = server.users().register("fr.fragment");
            try (RawWebSocket socket = authenticated(user)) {
                socket.sendFrame(RawWebSocket.TEXT, "{\"type\":\"ping\",\"nonce\":\"".getBytes(StandardCharsets.UTF_8),
                        false);
                // An encoded surrogate: never valid UTF-8, though Java's lenient decoding would let it pass as U+FFFD.
                socket.sendFrame(RawWebSocket.CONTINUATION, new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80, '"', '}'},
                        true);

                assertThat(readUntilClose(socket, new ArrayList<>()).closeCode()).isEqualTo(1007);
            }
        }

        @Test
        void textInEveryScriptStillGoesThroughWholeCharacterFragmentsAndAll() throws IOException {
            AuthTokens user = server.users().register("fr.scripts");
            String nonce = "é€😀 مرحبا \uFFFD";
            try (RawWebSocket socket = authenticated(user)) {
                byte[] frame = ("{\"type\":\"ping\",\"nonce\":\"" + nonce + "\"}").getBytes(StandardCharsets.UTF_8);
                int split = ("{\"type\":\"ping\",\"nonce\":\"é€").getBytes(StandardCharsets.UTF_8).length;
                socket.sendFrame(RawWebSocket.TEXT, Arrays.copyOfRange(frame, 0, split), false);
                socket.sendFrame(RawWebSocket.CONTINUATION, Arrays.copyOfRange(frame, split, frame.length), true);

                JsonNode pong = readUntilType(socket, "pong");
                assertThat(pong.get("nonce").asText()).isEqualTo(nonce);
            }
        }

        @Test
        void aClientThatNeverAnswersTheServersCloseFrameIsDisconnected() throws IOException {
            try (RawWebSocket socket = RawWebSocket.connect(server.server().port())) {
                socket.sendText("{\"type\":\"authenticate\",\"token\":\"not a token\"}");
                assertThat(readUntilClose(socket, new ArrayList<>()).closeCode()).isEqualTo(4002);

                // No close frame back, as a client that stopped reading would behave: the server drops the
                // connection instead of waiting for one forever.
                assertThat(socket.awaitEndOfStream(30_000)).isTrue();
            }
        }

        private RawWebSocket authenticated(AuthTokens user) throws IOException {
            RawWebSocket socket = RawWebSocket.connect(server.server().port());
            socket.sendText("{\"type\":\"authenticate\",\"token\":\"" + user.accessToken() + "\"}");
            readUntilType(socket, "authenticated");
            return socket;
        }
    }

    @Nested
    class PingFrames {
        private static final int BURST = 3;

        /** Three frames, then (practically) never another: what is answered is exactly what was allowed. */
        @RegisterExtension
        static TestServer server = TestServer.create()
                .with("WS_RATE_LIMIT_BURST", Integer.toString(BURST)).with("WS_RATE_LIMIT_PER_SECOND", "0.0001");

        @Test
        void pingFramesTakeFromTheSocketsFrameAllowanceAndBeyondItAreNotAnswered() throws IOException {
            try (RawWebSocket socket = RawWebSocket.connect(server.server().port())) {
                for (int i = 0; i < 10; i++) {
                    socket.sendFrame(RawWebSocket.PING, new byte[] {(byte) i}, true);
                }
                // Refused too, but answered with an error that queues behind whatever was answered before it.
                socket.sendText("{\"type\":\"ping\",\"nonce\":\"end\"}");

                List<Integer> pongs = new ArrayList<>();
                RawWebSocket.Frame frame = socket.read();
                while (frame.opcode() == RawWebSocket.PONG) {
                    pongs.add((int) frame.payload()[0]);
                    frame = socket.read();
                }
                assertThat(JSON.readTree(frame.text()).get("code").asText()).isEqualTo("rate_limited");
                assertThat(pongs).containsExactly(0, 1, 2);
            }
        }
    }

    private static RawWebSocket.Frame readUntilClose(RawWebSocket socket, List<JsonNode> texts) throws IOException {
        while (true) {
            RawWebSocket.Frame frame = socket.read();
            if (frame.opcode() == RawWebSocket.CLOSE) {
                return frame;
            }
            if (frame.opcode() == RawWebSocket.TEXT) {
                texts.add(JSON.readTree(frame.text()));
            }
        }
    }

    private static JsonNode readUntilType(RawWebSocket socket, String type) throws IOException {
        while (true) {
            RawWebSocket.Frame frame = socket.read();
            assertThat(frame.opcode()).as("still open while waiting for %s", type).isNotEqualTo(RawWebSocket.CLOSE);
            if (frame.opcode() == RawWebSocket.TEXT) {
                JsonNode node = JSON.readTree(frame.text());
                if (node.path("type").asText().equals(type)) {
                    return node;
                }
            }
        }
    }
}
