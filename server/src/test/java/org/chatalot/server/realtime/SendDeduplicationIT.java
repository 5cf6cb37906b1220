package org.chatalot.server.realtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.chatalot.model.auth.AuthTokens;
import org.chatalot.model.channel.Channel;
import org.chatalot.model.error.ErrorBody;
import org.chatalot.model.message.Message;
import org.chatalot.model.message.SendMessageRequest;
import org.chatalot.model.ws.ClientMessage;
import org.chatalot.server.testing.HeldCommits;
import org.chatalot.server.testing.TestServer;
import org.chatalot.server.testing.TestUsers;
import org.chatalot.server.testing.WsClient;

/**
 * A message sent again with the same {@code client_id} by the same sender (a browser outbox re-sending what
 * was not acknowledged) is stored and announced once, and every copy is answered with the original: on one
 * socket, on two, over REST, after a restart, and while the first copy is still waiting for its commit.
 * "Announced once" is checked by a marker message sent after the copies: the channel's events arrive in
 * commit order, so a second announcement would arrive before the marker's.
 */
class SendDeduplicationIT {
    @RegisterExtension
    static TestServer server = TestServer.create()
            .with("WS_RATE_LIMIT_PER_SECOND", "100000").with("WS_RATE_LIMIT_BURST", "100000")
            .withDatabaseSettings(";LOCK_TIMEOUT=30000");

    @Test
    void theSameClientIdTwiceOnOneSocketIsStoredAndAnnouncedOnce() {
        Room room = room("one");
        try (WsClient out = WsClient.authenticated(server, room.sender.accessToken());
             WsClient in = WsClient.authenticated(server, room.watcher.accessToken())) {
            JsonNode first = send(out, room.channel, "hello", "dup-1");
            JsonNode again = send(out, room.channel, "hello", "dup-1");

            assertSameMessage(again, first);
            assertThat(announcedBeforeMarker(out, in, room)).containsExactly("hello");
            assertThat(history(room)).containsExactly("hello", "marker");
        }
    }

    @Test
    void aCopyOnAnotherSocketOfAnotherSessionGetsTheOriginal() {
        Room room = room("two");
        AuthTokens otherDevice = server.users().login("two.sender", TestUsers.PASSWORD);
        try (WsClient laptop = WsClient.authenticated(server, room.sender.accessToken());
             WsClient phone = WsClient.authenticated(server, otherDevice.accessToken());
             WsClient in = WsClient.authenticated(server, room.watcher.accessToken())) {
            JsonNode original = send(laptop, room.channel, "from the laptop", "dup-2");
            JsonNode copy = send(phone, room.channel, "from the laptop", "dup-2");

            assertSameMessage(copy, original);
            assertThat(announcedBeforeMarker(laptop, in, room)).containsExactly("from the laptop");
        }
    }

    @Test
    void copiesInFlightTogetherOnTwoSocketsAreStoredOnceAndBothAcknowledged() throws Exception {
        Room room = room("held");
        try (WsClient first = WsClient.authenticated(server, room.sender.accessToken());
             WsClient second = WsClient.authenticated(server, room.sender.accessToken());
             WsClient in = WsClient.authenticated(server, room.watcher.accessToken())) {
            try (HeldCommits held = HeldCommits.on(server, room.channel.id())) {
                // Both copies reach the server while the first waits for its commit (the writer would put
                // them in one batch); the pongs prove each socket's reader has handled its copy.
                first.send(sendMessage(room.channel, "racing", "dup-3"));
                first.send(new ClientMessage.Ping("first"));
                first.await("pong");
                second.send(sendMessage(room.channel, "racing", "dup-3"));
                second.send(new ClientMessage.Ping("second"));
                second.await("pong");
            }
            JsonNode a = first.await("message_sent");
            JsonNode b = second.await("message_sent");

            assertSameMessage(b, a);
            // The marker goes after anything else the second socket is told about its copy.
            assertThat(announcedBeforeMarker(second, in, room)).containsExactly("racing");
            assertThat(types(second)).doesNotContain("error");
            assertThat(history(room)).containsExactly("racing", "marker");
        }
    }

    @Test
    void manyCopiesSentConcurrentlyFromTwoSocketsAreEachStoredOnce() throws Exception {
        Room room = room("race");
        int messages = 30; // within the 32 a socket may have awaiting message_sent
        try (WsClient first = WsClient.authenticated(server, room.sender.accessToken());
             WsClient second = WsClient.authenticated(server, room.sender.accessToken());
             WsClient in = WsClient.authenticated(server, room.watcher.accessToken());
             ExecutorService pool = Executors.newFixedThreadPool(2)) {
            CountDownLatch start = new CountDownLatch(1);
            Future<List<JsonNode>> fromFirst = pool.submit(sendAll(first, room.channel, messages, start));
            Future<List<JsonNode>> fromSecond = pool.submit(sendAll(second, room.channel, messages, start));
            start.countDown();
            List<JsonNode> acksOfFirst = fromFirst.get();
            List<JsonNode> acksOfSecond = fromSecond.get();

            for (int i = 0; i < messages; i++) {
                assertSameMessage(acksOfSecond.get(i), acksOfFirst.get(i));
            }
            List<String> announced = announcedBeforeMarker(first, in, room);
            assertThat(types(first)).doesNotContain("error");
            assertThat(announced).hasSize(messages).doesNotHaveDuplicates();
            assertThat(history(room)).hasSize(messages + 1).doesNotHaveDuplicates();
        }
    }

    @Test
    void aCopySentAfterARestartGetsTheOriginal() {
        Room room = room("restart");
        JsonNode original;
        try (WsClient out = WsClient.authenticated(server, room.sender.accessToken())) {
            original = send(out, room.channel, "before the restart", "dup-4");
        }

        server.restart();

        try (WsClient out = WsClient.authenticated(server, room.sender.accessToken());
             WsClient in = WsClient.authenticated(server, room.watcher.accessToken())) {
            JsonNode copy = send(out, room.channel, "before the restart", "dup-4");

            assertSameMessage(copy, original);
            assertThat(announcedBeforeMarker(out, in, room)).isEmpty();
            assertThat(history(room)).containsExactly("before the restart", "marker");
        }
    }

    @Test
    void anotherSenderWithTheSameClientIdSendsAnotherMessage() {
        Room room = room("others");
        try (WsClient out = WsClient.authenticated(server, room.sender.accessToken());
             WsClient watcherSocket = WsClient.authenticated(server, room.watcher.accessToken())) {
            JsonNode mine = send(out, room.channel, "mine", "same-id");
            JsonNode theirs = send(watcherSocket, room.channel, "theirs", "same-id");

            assertThat(theirs.get("message_id")).isNotEqualTo(mine.get("message_id"));
            assertThat(history(room)).containsExactly("mine", "theirs");
        }
    }

    @Test
    void restPostsWithAClientIdAnswerTheOriginalAndShareTheSocketsIds() {
        Room room = room("rest");
        String path = "/api/channels/" + room.channel.id() + "/messages";
        try (WsClient out = WsClient.authenticated(server, room.sender.accessToken());
             WsClient in = WsClient.authenticated(server, room.watcher.accessToken())) {
            HttpResponse<String> created = post(room.sender, path, "over rest", "dup-5");
            HttpResponse<String> again = post(room.sender, path, "over rest", "dup-5");
            JsonNode overSocket = send(out, room.channel, "over rest", "dup-5");
            JsonNode socketFirst = send(out, room.channel, "socket first", "dup-6");
            HttpResponse<String> restAfterSocket = post(room.sender, path, "socket first", "dup-6");

            Message original = server.read(created, Message.class);
            assertThat(created.statusCode()).isEqualTo(201);
            assertThat(again.statusCode()).as("a repeat is answered, not created").isEqualTo(200);
            assertThat(server.read(again, Message.class)).isEqualTo(original);
            assertThat(overSocket.get("message_id").asText()).isEqualTo(original.id().toString());
            assertThat(overSocket.get("created_at").asText()).isEqualTo(original.createdAt().toString());
            assertThat(restAfterSocket.statusCode()).isEqualTo(200);
            assertThat(server.read(restAfterSocket, Message.class).id().toString())
                    .isEqualTo(socketFirst.get("message_id").asText());
            assertThat(announcedBeforeMarker(out, in, room)).containsExactly("over rest", "socket first");
        }
    }

    @Test
    void aClientIdOverSixtyFourCharactersOrEmptyIsRefusedNamingIt() {
        Room room = room("long");
        String tooLong = "x".repeat(65);
        try (WsClient out = WsClient.authenticated(server, room.sender.accessToken())) {
            out.send(sendMessage(room.channel, "long id", tooLong));
            JsonNode refused = out.await("error");
            out.send(sendMessage(room.channel, "empty id", ""));
            JsonNode empty = out.await("error");
            JsonNode longest = send(out, room.channel, "64 is fine", "y".repeat(64));
            HttpResponse<String> overRest = post(room.sender, "/api/channels/" + room.channel.id() + "/messages",
                    "long id", tooLong);

            assertThat(refused.get("code").asText()).isEqualTo("validation_failed");
            assertThat(refused.get("message").asText()).startsWith("client_id:");
            assertThat(refused.get("client_id").asText()).isEqualTo(tooLong);
            assertThat(empty.get("code").asText()).isEqualTo("validation_failed");
            assertThat(empty.get("message").asText()).startsWith("client_id:");
            assertThat(longest.get("client_id").asText()).hasSize(64);
            assertThat(overRest.statusCode()).isEqualTo(400);
            assertThat(server.read(overRest, ErrorBody.class).error().field()).isEqualTo("client_id");
            assertThat(history(room)).containsExactly("64 is fine");
        }
    }

    private record Room(AuthTokens sender, AuthTokens watcher, Channel channel) {
    }

    private static Room room(String name) {
        AuthTokens sender = server.users().register(name + ".sender");
        AuthTokens watcher = server.users().register(name + ".watcher");
        Channel channel = server.chat().publicChannel(sender, name);
        server.chat().join(watcher, channel.id());
        return new Room(sender, watcher, channel);
    }

    private static ClientMessage.SendMessage sendMessage(Channel channel, String content, String clientId) {
        return new ClientMessage.SendMessage(channel.id(), content, null, null, null, clientId);
    }

    /** Sends and returns the {@code message_sent} that answers this client id. */
    private static JsonNode send(WsClient socket, Channel channel, String content, String clientId) {
        socket.send(sendMessage(channel, content, clientId));
        return socket.await("message_sent", n -> clientId.equals(n.path("client_id").asText()));
    }

    private static Callable<List<JsonNode>> sendAll(WsClient socket, Channel channel, int count,
                                                    CountDownLatch start) {
        return () -> {
            start.await();
            for (int i = 0; i < count; i++) {
                socket.send(sendMessage(channel, "race " + i, "race-" + i));
            }
            // A copy answered from the database or with the other socket's copy may overtake earlier ones.
            Map<String, JsonNode> acks = new HashMap<>();
            while (acks.size() < count) {
                JsonNode ack = socket.await("message_sent");
                acks.put(ack.get("client_id").asText(), ack);
            }
            return IntStream.range(0, count).mapToObj(i -> acks.get("race-" + i)).toList();
        };
    }

    private static HttpResponse<String> post(AuthTokens sender, String path, String content, String clientId) {
        return server.users().post(sender.accessToken(), path,
                new SendMessageRequest(content, null, null, null, clientId));
    }

    private static void assertSameMessage(JsonNode copy, JsonNode original) {
        assertThat(copy.get("message_id")).isEqualTo(original.get("message_id"));
        assertThat(copy.get("created_at")).isEqualTo(original.get("created_at"));
        assertThat(copy.get("channel_id")).isEqualTo(original.get("channel_id"));
        assertThat(copy.get("client_id")).isEqualTo(original.get("client_id"));
    }

    /** Sends a marker and returns the contents the watcher was told of before it, in order. */
    private static List<String> announcedBeforeMarker(WsClient sender, WsClient watcher, Room room) {
        send(sender, room.channel, "marker", "marker-" + UUID.randomUUID());
        watcher.await("new_message", n -> "marker".equals(n.at("/message/content").asText()));
        List<String> announced = watcher.seen().stream().filter(n -> "new_message".equals(n.path("type").asText()))
                .map(n -> n.at("/message/content").asText()).toList();
        return announced.subList(0, announced.indexOf("marker"));
    }

    private static List<String> types(WsClient socket) {
        return socket.seen().stream().map(n -> n.path("type").asText()).toList();
    }

    /** Every stored message of the room, oldest first. */
    private static List<String> history(Room room) {
        return server.chat().history(room.sender, room.channel.id(), "limit=100").messages().reversed().stream()
                .map(Message::content).toList();
    }
}
