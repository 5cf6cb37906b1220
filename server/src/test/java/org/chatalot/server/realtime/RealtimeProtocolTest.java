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

class RealtimeProtocolTest {

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
                assertThat(socket.awaitClose(Duration.ofSeconds(3))).isEqualTo(4002);
            }
        }

        @Test
        void noAuthenticationWithinTenSecondsClosesWith4001() {
            try (WsClient socket = WsClient.connect(server)) {
                JsonNode error = socket.await("error", n -> true, Duration.ofSeconds(13));

                assertThat(error.get("code").asText()).isEqualTo("auth_timeout");
                assertThat(socket.awaitClose(Duration.ofSeconds(3))).isEqualTo(4001);
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
                    assertThat(ninth.awaitClose(Duration.ofSeconds(3))).isEqualTo(4004);
                }
                eight.getFirst().close();
                eight.removeFirst();
                assertThat(WsClient.authenticated(server, user.accessToken())).as("room again").isNotNull();
            } finally {
                eight.forEach(WsClient::close);
            }
        }

        @Test
        void aMessageOverOneMebibyteClosesWith1009() {
            AuthTokens user = server.users().register("bigmouth");
            try (WsClient socket = WsClient.authenticated(server, user.accessToken())) {
                socket.sendRaw("{\"type\":\"ping\",\"nonce\":\"" + "x".repeat(1_100_000) + "\"}");

                assertThat(socket.awaitClose(Duration.ofSeconds(5))).isEqualTo(1009);
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
                JsonNode limited = loud.await("error", n -> n.get("code").asText().equals("rate_limited"));

                quiet.send(new ClientMessage.SendMessage(channel.id(), "I am fine", null, null, null, "q"));
                assertThat(quiet.await("message_sent").get("client_id").asText()).isEqualTo("q");
                assertThat(limited.get("message").asText()).contains("slow down");
                assertThat(loud.isClosed()).isFalse();
                long pongs = loud.seen().stream().filter(n -> n.get("type").asText().equals("pong")).count();
                assertThat(pongs).as("the burst of 30 went through (one token went on authenticate)")
                        .isBetween(29L, 45L);
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
