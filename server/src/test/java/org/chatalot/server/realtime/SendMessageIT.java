package org.chatalot.server.realtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.chatalot.model.auth.AuthTokens;
import org.chatalot.model.channel.Channel;
import org.chatalot.model.file.FileInfo;
import org.chatalot.model.message.Message;
import org.chatalot.model.message.MessagePage;
import org.chatalot.model.message.SendMessageRequest;
import org.chatalot.model.ws.ClientMessage;
import org.chatalot.server.testing.FileClient;
import org.chatalot.server.testing.TestServer;
import org.chatalot.server.testing.WsClient;

/**
 * {@code send_message} does not hold the socket's reader while the message is committed: it is queued, and
 * {@code message_sent} (or the error, with its {@code client_id}) and the {@code new_message} fan-out follow
 * the commit, in order. Some tests hold the channel's row lock from a second database connection, which makes
 * the message writer's next commit wait: a slow disk, on demand.
 */
class SendMessageIT {
    private static final Duration QUIET = Duration.ofMillis(400);
    /** The documented limit of messages awaiting {@code message_sent} on one socket (docs/protocol.md). */
    private static final int IN_FLIGHT_LIMIT = 32;

    @RegisterExtension
    static TestServer server = TestServer.create()
            .with("WS_RATE_LIMIT_PER_SECOND", "100000").with("WS_RATE_LIMIT_BURST", "100000");

    @Test
    void aFloodFromOneSocketHitsTheInFlightLimitAndLosesNothingAcknowledged() throws Exception {
        AuthTokens flooder = server.users().register("f.flooder");
        AuthTokens watcher = server.users().register("f.watcher");
        Channel channel = server.chat().publicChannel(flooder, "flood");
        server.chat().join(watcher, channel.id());
        int sent = 100;
        try (WsClient out = WsClient.authenticated(server, flooder.accessToken());
             WsClient in = WsClient.authenticated(server, watcher.accessToken())) {
            List<JsonNode> refused = new ArrayList<>();
            try (HeldCommits held = HeldCommits.on(channel.id())) {
                for (int i = 0; i < sent; i++) {
                    out.send(new ClientMessage.SendMessage(channel.id(), "m" + i, null, null, null, "c" + i));
                }
                for (int i = IN_FLIGHT_LIMIT; i < sent; i++) {
                    refused.add(out.await("error"));
                }
                out.expectNone("message_sent", QUIET);
                assertThat(types(in)).as("nothing announced before the commit").doesNotContain("new_message");
            }
            List<String> acknowledged = new ArrayList<>();
            for (int i = 0; i < IN_FLIGHT_LIMIT; i++) {
                acknowledged.add(out.await("message_sent").get("client_id").asText());
            }
            List<String> delivered = new ArrayList<>();
            for (int i = 0; i < IN_FLIGHT_LIMIT; i++) {
                delivered.add(in.await("new_message").at("/message/content").asText());
            }
            out.send(new ClientMessage.SendMessage(channel.id(), "after", null, null, null, "c-after"));

            assertThat(refused).allSatisfy(error -> {
                assertThat(error.get("code").asText()).isEqualTo("rate_limited");
                assertThat(error.get("message").asText()).contains("32 messages may await message_sent");
            });
            assertThat(refused).extracting(error -> error.get("client_id").asText())
                    .containsExactlyElementsOf(clientIds(IN_FLIGHT_LIMIT, sent));
            assertThat(acknowledged).containsExactlyElementsOf(clientIds(0, IN_FLIGHT_LIMIT));
            assertThat(delivered).containsExactlyElementsOf(clientIds(0, IN_FLIGHT_LIMIT).stream()
                    .map(id -> "m" + id.substring(1)).toList());
            assertThat(out.await("message_sent").get("client_id").asText()).isEqualTo("c-after");
            assertThat(contents(history(flooder, channel.id()))).containsExactlyElementsOf(
                    concat(clientIds(0, IN_FLIGHT_LIMIT).stream().map(id -> "m" + id.substring(1)).toList(),
                            List.of("after")));
        }
    }

    @Test
    void eachSocketsMessagesAreAcknowledgedAndDeliveredInTheOrderSentUnderConcurrency() throws Exception {
        int senders = 4;
        int perSender = 150;
        AuthTokens owner = server.users().register("o.owner");
        Channel channel = server.chat().publicChannel(owner, "order");
        List<AuthTokens> users = new ArrayList<>();
        for (int s = 0; s < senders; s++) {
            AuthTokens user = server.users().register("o.sender" + s);
            server.chat().join(user, channel.id());
            users.add(user);
        }
        try (WsClient first = WsClient.authenticated(server, owner.accessToken());
             WsClient second = WsClient.authenticated(server, owner.accessToken());
             ExecutorService pool = Executors.newFixedThreadPool(senders)) {
            List<Future<List<String>>> acks = new ArrayList<>();
            for (int s = 0; s < senders; s++) {
                int sender = s;
                acks.add(pool.submit(() -> sendWithWindow(users.get(sender), channel.id(), "s" + sender, perSender)));
            }
            List<String> seenByFirst = contentsOf(first, senders * perSender);
            List<String> seenBySecond = contentsOf(second, senders * perSender);
            List<String> stored = contents(history(owner, channel.id()));

            for (int s = 0; s < senders; s++) {
                String prefix = "s" + s + "-";
                List<String> expected = numbered(prefix, perSender);
                assertThat(acks.get(s).get()).as("acknowledgements of sender %d", s)
                        .containsExactlyElementsOf(expected);
                assertThat(seenByFirst.stream().filter(c -> c.startsWith(prefix)).toList())
                        .as("deliveries of sender %d", s).containsExactlyElementsOf(expected);
                assertThat(stored.stream().filter(c -> c.startsWith(prefix)).toList())
                        .as("history of sender %d", s).containsExactlyElementsOf(expected);
            }
            assertThat(seenBySecond).as("every socket sees the channel in one order").isEqualTo(seenByFirst);
        }
    }

    @Test
    void aPostIntoAChannelArchivedAMomentAgoIsRefused() {
        AuthTokens owner = server.users().register("a.owner");
        AuthTokens member = server.users().register("a.member");
        Channel channel = server.chat().publicChannel(owner, "archivable");
        server.chat().join(member, channel.id());
        String messages = "/api/channels/" + channel.id() + "/messages";
        try (WsClient socket = WsClient.authenticated(server, member.accessToken())) {
            socket.send(new ClientMessage.SendMessage(channel.id(), "before", null, null, null, "c-1"));
            assertThat(socket.await("message_sent").get("client_id").asText()).isEqualTo("c-1");

            server.users().expect(200, server.users().post(owner.accessToken(),
                    "/api/channels/" + channel.id() + "/archive", "{}"), Channel.class);
            socket.send(new ClientMessage.SendMessage(channel.id(), "archived", null, null, null, "c-2"));
            JsonNode refused = socket.await("error");
            int restStatus = server.users().post(member.accessToken(), messages,
                    new SendMessageRequest("archived too", null, null, null)).statusCode();

            server.users().expect(200, server.users().post(owner.accessToken(),
                    "/api/channels/" + channel.id() + "/unarchive", "{}"), Channel.class);
            socket.send(new ClientMessage.SendMessage(channel.id(), "open again", null, null, null, "c-3"));
            JsonNode reopened = socket.await("message_sent");

            server.users().delete(owner.accessToken(), "/api/channels/" + channel.id());
            socket.send(new ClientMessage.SendMessage(channel.id(), "deleted", null, null, null, "c-4"));
            JsonNode gone = socket.await("error");

            assertThat(refused.get("code").asText()).isEqualTo("channel_archived");
            assertThat(refused.get("client_id").asText()).isEqualTo("c-2");
            assertThat(restStatus).isEqualTo(403);
            assertThat(reopened.get("client_id").asText()).isEqualTo("c-3");
            assertThat(gone.get("code").asText()).isEqualTo("not_found");
            assertThat(gone.get("client_id").asText()).isEqualTo("c-4");
            socket.expectNone("message_sent", QUIET);
        }
    }

    @Test
    void aFailedCommitReportsAnErrorForThatClientIdOnly() throws Exception {
        AuthTokens sender = server.users().register("x.sender");
        AuthTokens watcher = server.users().register("x.watcher");
        Channel channel = server.chat().publicChannel(sender, "failing");
        server.chat().join(watcher, channel.id());
        FileInfo file = new FileClient(server).uploaded(sender.accessToken(), "once.txt", new byte[] {'1'});
        try (WsClient out = WsClient.authenticated(server, sender.accessToken());
             WsClient in = WsClient.authenticated(server, watcher.accessToken())) {
            try (HeldCommits held = HeldCommits.on(channel.id())) {
                // Both pass the checks (the file is not attached yet); the commit finds out.
                out.send(new ClientMessage.SendMessage(channel.id(), "one", null, null, null, "c1"));
                out.send(new ClientMessage.SendMessage(channel.id(), "two", null, null, List.of(file.id()), "c2"));
                out.send(new ClientMessage.SendMessage(channel.id(), "three", null, null, List.of(file.id()), "c3"));
                out.send(new ClientMessage.SendMessage(channel.id(), "four", null, null, null, "c4"));
                out.send(new ClientMessage.Ping("queued"));
                out.await("pong");
            }
            out.await("message_sent", n -> "c4".equals(n.path("client_id").asText()));
            List<JsonNode> outcomes = out.seen().stream().filter(n -> n.has("client_id")).toList();
            List<String> delivered = contentsOf(in, 3);

            assertThat(outcomes).extracting(n -> n.get("type").asText() + " " + n.get("client_id").asText())
                    .containsExactly("message_sent c1", "message_sent c2", "error c3", "message_sent c4");
            assertThat(outcomes.get(2).get("code").asText()).isEqualTo("attachment_taken");
            assertThat(delivered).containsExactly("one", "two", "four");
            assertThat(contents(history(sender, channel.id()))).containsExactly("one", "two", "four");
            in.expectNone("new_message", QUIET);
        }
    }

    @Test
    void aCommitThatCannotCompleteIsReportedWithoutInternalsAndNothingIsAnnounced() throws Exception {
        AuthTokens sender = server.users().register("t.sender");
        AuthTokens watcher = server.users().register("t.watcher");
        Channel channel = server.chat().publicChannel(sender, "timeout");
        server.chat().join(watcher, channel.id());
        try (WsClient out = WsClient.authenticated(server, sender.accessToken());
             WsClient in = WsClient.authenticated(server, watcher.accessToken())) {
            JsonNode failed;
            try (HeldCommits held = HeldCommits.on(channel.id())) {
                // Held past H2's lock timeout, for the group commit and for the retry of the message alone.
                out.send(new ClientMessage.SendMessage(channel.id(), "stuck", null, null, null, "c1"));
                failed = out.await("error", n -> true, Duration.ofSeconds(60));
            }
            out.send(new ClientMessage.SendMessage(channel.id(), "unstuck", null, null, null, "c2"));
            JsonNode sent = out.await("message_sent");

            assertThat(failed.get("code").asText()).isEqualTo("internal_error");
            assertThat(failed.get("client_id").asText()).isEqualTo("c1");
            assertThat(failed.get("message").asText()).doesNotContain("Timeout", "lock", "SQL");
            assertThat(sent.get("client_id").asText()).isEqualTo("c2");
            assertThat(in.await("new_message").at("/message/content").asText()).isEqualTo("unstuck");
            assertThat(contents(history(sender, channel.id()))).containsExactly("unstuck");
        }
    }

    /** Sends {@code count} messages keeping at most the limit awaiting acknowledgement; returns the acks' ids. */
    private static List<String> sendWithWindow(AuthTokens user, UUID channelId, String name, int count) {
        List<String> acknowledged = new ArrayList<>();
        try (WsClient socket = WsClient.authenticated(server, user.accessToken())) {
            for (int i = 0; i < count; i++) {
                if (i >= IN_FLIGHT_LIMIT) {
                    acknowledged.add(socket.await("message_sent").get("client_id").asText());
                }
                String id = name + "-" + i;
                socket.send(new ClientMessage.SendMessage(channelId, id, null, null, null, id));
            }
            while (acknowledged.size() < count) {
                acknowledged.add(socket.await("message_sent").get("client_id").asText());
            }
        }
        return acknowledged;
    }

    private static List<String> contentsOf(WsClient socket, int count) {
        List<String> contents = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            contents.add(socket.await("new_message", n -> true, Duration.ofSeconds(20)).at("/message/content")
                    .asText());
        }
        return contents;
    }

    /** The whole history, oldest first. */
    private static List<Message> history(AuthTokens reader, UUID channelId) {
        List<Message> newestFirst = new ArrayList<>();
        String query = "limit=100";
        while (true) {
            MessagePage page = server.chat().history(reader, channelId, query);
            newestFirst.addAll(page.messages());
            if (page.nextBefore() == null) {
                return newestFirst.reversed();
            }
            query = "limit=100&before=" + page.nextBefore();
        }
    }

    private static List<String> contents(List<Message> messages) {
        return messages.stream().map(Message::content).toList();
    }

    private static List<String> clientIds(int from, int to) {
        return numbered("c", to).subList(from, to);
    }

    private static List<String> numbered(String prefix, int count) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            names.add(prefix + i);
        }
        return names;
    }

    private static List<String> types(WsClient socket) {
        return socket.seen().stream().map(n -> n.path("type").asText()).toList();
    }

    private static <T> List<T> concat(List<T> a, List<T> b) {
        List<T> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    /**
     * Holds the channel's row lock from a second connection to the server's database (the same in-process
     * H2), so the message writer's next commit (which updates that row) waits until this is closed, or fails
     * after H2's two-second lock timeout.
     */
    private static final class HeldCommits implements AutoCloseable {
        private final java.sql.Connection connection;

        private HeldCommits(java.sql.Connection connection) {
            this.connection = connection;
        }

        static HeldCommits on(UUID channelId) throws SQLException {
            java.sql.Connection connection = DriverManager.getConnection(
                    server.server().config().storage().databaseUrl());
            connection.setAutoCommit(false);
            try (PreparedStatement lock = connection.prepareStatement(
                    "SELECT id FROM channel WHERE id = ? FOR UPDATE")) {
                lock.setObject(1, channelId);
                lock.executeQuery().close();
            }
            return new HeldCommits(connection);
        }

        @Override
        public void close() throws SQLException {
            connection.rollback();
            connection.close();
        }
    }
}
