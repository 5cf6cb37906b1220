package org.chatalot.server.realtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.chatalot.model.auth.AuthTokens;
import org.chatalot.model.channel.Channel;
import org.chatalot.model.ws.ClientMessage;
import org.chatalot.server.testing.RawWebSocket;
import org.chatalot.server.testing.TestServer;
import org.chatalot.server.testing.WsClient;

class RealtimeProtocolIT {

    @Nested
    class Framing {
        @RegisterExtension
        static TestServer server = TestServer.create();

        @Test
        void malformedFramesGetInvalidMessageAndTheSocketStaysOpen() {
            AuthTokens user = server.users().register("malformed");
            try (WsClient socket = WsClient.authenticated(server, user.accessToken())) {
                socket.sendRaw("{not json");
                assertThat(socket.await("error").get("code").asText()).isEqualTo("invalid_message");
                socket.sendRaw("{\"type\":\"launch_missiles\"}");
                assertThat(socket.await("error").get("message").asText()).contains("unknown message type");
                socket.sendRaw("{\"content\":\"no type\"}");
                assertThat(socket.await("error").get("message").asText()).startsWith("type:");
                socket.sendRaw("{\"type\":\"send_message\",\"channel_id\":\"not-a-uuid\",\"content\":\"x\"}");
                assertThat(socket.await("error").get("message").asText()).startsWith("channel_id:");
                socket.sendRaw("[1,2,3]");
                assertThat(socket.await("error").get("code").asText()).isEqualTo("invalid_message");

                socket.send(new ClientMessage.Ping("alive"));
                assertThat(socket.await("pong").get("nonce").asText()).isEqualTo("alive");
            }
        }

        @Test
        void framesBeforeAuthenticationAreRefusedUntilItHappens() {
            AuthTokens user = server.users().register("early");
            try (WsClient socket = WsClient.connect(server)) {
                socket.send(new ClientMessage.Ping("too soon"));
                JsonNode error = socket.await("error");
                socket.send(new ClientMessage.Authenticate(user.accessToken()));

                assertThat(error.get("code").asText()).isEqualTo("not_authenticated");
                assertThat(error.has("seq")).as("not part of any session yet").isFalse();
                socket.await("authenticated");
            }
        }

        @Test
        void aBadTokenClosesWith4002() {
            try (WsClient socket = WsClient.connect(server)) {
                socket.send(new ClientMessage.Authenticate("nope"));

                assertThat(socket.await("error").get("code").asText()).isEqualTo("auth_failed");
                assertThat(socket.awaitClose(Duration.ofSeconds(10))).isEqualTo(4002);
            }
        }

        @Test
        void noAuthenticationWithinTenSecondsClosesWith4001() {
            try (WsClient socket = WsClient.connect(server)) {
                JsonNode error = socket.await("error", n -> true, Duration.ofSeconds(60));

                assertThat(error.get("code").asText()).isEqualTo("auth_timeout");
                assertThat(socket.awaitClose(Duration.ofSeconds(10))).isEqualTo(4001);
            }
        }

        @Test
        void aNinthSocketIsRefused() {
            AuthTokens user = server.users().register("octopus");
            List<WsClient> eight = new ArrayList<>();
            try {
                for (int i = 0; i < 8; i++) {
                    eight.add(WsClient.authenticated(server, user.accessToken()));
                }
                try (WsClient ninth = WsClient.connect(server)) {
                    ninth.send(new ClientMessage.Authenticate(user.accessToken()));

                    assertThat(ninth.await("error").get("code").asText()).isEqualTo("too_many_sockets");
                    assertThat(ninth.awaitClose(Duration.ofSeconds(10))).isEqualTo(4004);
                }
                eight.removeFirst().close();
                // The server frees the slot when it has processed the close, a moment after close() returns.
                try (WsClient again = authenticatedOnceThereIsRoom(user)) {
                    assertThat(again.seen()).as("room again").anyMatch(n -> n.get("type").asText()
                            .equals("authenticated"));
                }
            } finally {
                eight.forEach(WsClient::close);
            }
        }

        /** Tries again while the server still counts a socket that was just closed; gives up after 30 s. */
        private static WsClient authenticatedOnceThereIsRoom(AuthTokens user) {
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (true) {
                WsClient socket = WsClient.connect(server);
                socket.send(new ClientMessage.Authenticate(user.accessToken()));
                JsonNode answer = socket.awaitFirstOf(Duration.ofSeconds(10), "authenticated", "error");
                if (answer.get("type").asText().equals("authenticated")) {
                    return socket;
                }
                socket.close();
                assertThat(answer.get("code").asText()).isEqualTo("too_many_sockets");
                assertThat(System.nanoTime()).as("a closed socket's slot is freed").isLessThan(deadline);
            }
        }

        @Test
        void aMessageOverOneMebibyteClosesWith1009() {
            AuthTokens user = server.users().register("bigmouth");
            try (WsClient socket = WsClient.authenticated(server, user.accessToken())) {
                socket.sendRaw("{\"type\":\"ping\",\"nonce\":\"" + "x".repeat(1_100_000) + "\"}");

                assertThat(socket.awaitClose(Duration.ofSeconds(10))).isEqualTo(1009);
            }
        }

    }

    @Nested
    class RateLimits {
        @RegisterExtension
        static TestServer server = TestServer.create();

        @Test
        void aFloodIsRateLimitedWithoutClosingAndOthersAreUnaffected() {
            AuthTokens flooder = server.users().register("flooder");
            AuthTokens calm = server.users().register("calm");
            Channel channel = server.chat().publicChannel(flooder, "flood");
            server.chat().join(calm, channel.id());
            try (WsClient loud = WsClient.authenticated(server, flooder.accessToken());
                 WsClient quiet = WsClient.authenticated(server, calm.accessToken())) {
                for (int i = 0; i < 60; i++) {
                    loud.send(new ClientMessage.Ping("p" + i));
                }
                // Every ping gets an answer, a pong or a refusal: count them once all sixty are in.
                List<JsonNode> answers = new ArrayList<>();
                for (int i = 0; i < 60; i++) {
                    answers.add(loud.awaitFirstOf(Duration.ofSeconds(10), "pong", "error"));
                }
                JsonNode limited = answers.stream().filter(n -> n.path("code").asText().equals("rate_limited"))
                        .findFirst().orElseThrow(() -> new AssertionError("no ping was refused: " + answers));

                quiet.send(new ClientMessage.SendMessage(channel.id(), "I am fine", null, null, null, "q"));
                assertThat(quiet.await("message_sent").get("client_id").asText()).isEqualTo("q");
                assertThat(limited.get("message").asText()).contains("slow down");
                assertThat(loud.isClosed()).isFalse();
                long pongs = answers.stream().filter(n -> n.get("type").asText().equals("pong")).count();
                long refused = answers.stream().filter(n -> n.path("code").asText().equals("rate_limited")).count();
                // How many more than the burst got through depends on how fast the pings were sent (the bucket
                // refills 10 a second), which a busy machine changes: what is fixed is the burst and the split.
                assertThat(pongs).as("the burst of 30 went through (one token went on authenticate)")
                        .isGreaterThanOrEqualTo(29L);
                assertThat(refused).as("the rest was refused, not queued").isPositive();
                assertThat(pongs + refused).as("each ping answered once").isEqualTo(60);
            }
        }
    }

    @Nested
    class Heartbeat {
        @RegisterExtension
        static TestServer server = TestServer.create().with("WS_PING_INTERVAL_SECONDS", "1");

        @Test
        void theServerSendsPingFrames() {
            AuthTokens user = server.users().register("pinged");
            try (WsClient socket = WsClient.authenticated(server, user.accessToken())) {
                socket.pingReceived().orTimeout(5, java.util.concurrent.TimeUnit.SECONDS).join();
                socket.send(new ClientMessage.Ping(null));
                socket.await("pong");
                assertThat(socket.isClosed()).as("answered pings keep it open").isFalse();
            }
        }

        @Test
        void aClientsPingIsAnsweredWithAPongCarryingItsPayload() throws Exception {
            AuthTokens user = server.users().register("pinging");
            try (WsClient client = WsClient.authenticated(server, user.accessToken())) {
                byte[] payload = "are you there?".getBytes(java.nio.charset.StandardCharsets.UTF_8);

                java.nio.ByteBuffer pong = client.ping(java.nio.ByteBuffer.wrap(payload))
                        .get(5, java.util.concurrent.TimeUnit.SECONDS);

                byte[] echoed = new byte[pong.remaining()];
                pong.get(echoed);
                assertThat(echoed).isEqualTo(payload);
            }
        }

        @Test
        void aSocketThatMissesTwoPongsIsClosedWith4006() throws Exception {
            AuthTokens user = server.users().register("deaf");
            try (RawWebSocket raw = RawWebSocket.connect(server.server().port())) {
                raw.sendText("{\"type\":\"authenticate\",\"token\":\"" + user.accessToken() + "\"}");
                int pings = 0;
                RawWebSocket.Frame frame;
                do {
                    frame = raw.read();
                    if (frame.opcode() == RawWebSocket.PING) {
                        pings++;
                    }
                } while (frame.opcode() != RawWebSocket.CLOSE);

                assertThat(pings).isGreaterThanOrEqualTo(2);
                assertThat(frame.closeCode()).isEqualTo(4006);
            }
        }
    }
}
