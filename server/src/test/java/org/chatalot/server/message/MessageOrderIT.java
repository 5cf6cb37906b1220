package org.chatalot.server.message;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.chatalot.model.auth.AuthTokens;
import org.chatalot.model.channel.Channel;
import org.chatalot.model.message.Message;
import org.chatalot.model.message.MessagePage;
import org.chatalot.model.message.SendMessageRequest;
import org.chatalot.model.ws.ClientMessage;
import org.chatalot.server.testing.TestServer;
import org.chatalot.server.testing.WsClient;

/**
 * One order for a channel's messages: the order of their ids (which history pages by), the order they are
 * committed in and the order {@code new_message} reaches every socket are the same, however many people send
 * at once. A client that pages history by id from the last message it heard of then never skips one. A
 * sender's own {@code message_sent} keeps its place in that order among the others' {@code new_message}.
 */
class MessageOrderIT {
    private static final int SOCKET_SENDERS = 12;
    private static final int REST_SENDERS = 4;
    private static final int PER_SOCKET = 60;
    private static final int PER_REST = 25;
    private static final int RECEIVERS = 3;
    /** The documented limit of messages awaiting {@code message_sent} on one socket. */
    private static final int WINDOW = 32;

    @RegisterExtension
    static TestServer server = TestServer.create()
            .with("WS_RATE_LIMIT_PER_SECOND", "100000").with("WS_RATE_LIMIT_BURST", "100000");

    @Test
    void everyReceiverHearsTheChannelInHistoryOrderWhileManySendAtOnce() throws Exception {
        AuthTokens owner = server.users().owner();
        Channel channel = server.chat().publicChannel(owner, "one-order");
        List<AuthTokens> senders = members("sender", SOCKET_SENDERS + REST_SENDERS, channel.id());
        List<AuthTokens> receivers = members("receiver", RECEIVERS, channel.id());
        int total = SOCKET_SENDERS * PER_SOCKET + REST_SENDERS * PER_REST;
        List<WsClient> ears = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(SOCKET_SENDERS + REST_SENDERS)) {
            for (AuthTokens receiver : receivers) {
                ears.add(WsClient.authenticated(server, receiver.accessToken()));
            }
            CountDownLatch go = new CountDownLatch(1);
            List<Future<?>> sending = new ArrayList<>();
            List<Future<List<UUID>>> socketSenders = new ArrayList<>();
            for (int s = 0; s < SOCKET_SENDERS; s++) {
                AuthTokens sender = senders.get(s);
                String name = "ws" + s;
                socketSenders.add(pool.submit(() -> sendOverSocket(sender, channel.id(), name, go)));
            }
            sending.addAll(socketSenders);
            for (int s = 0; s < REST_SENDERS; s++) {
                AuthTokens sender = senders.get(SOCKET_SENDERS + s);
                String name = "rest" + s;
                sending.add(pool.submit(() -> sendOverRest(sender, channel.id(), name, go)));
            }
            go.countDown();
            for (Future<?> f : sending) {
                f.get();
            }
            List<UUID> history = history(owner, channel.id());

            assertThat(history).hasSize(total).doesNotHaveDuplicates();
            for (int r = 0; r < RECEIVERS; r++) {
                assertThat(heard(ears.get(r), total)).as("new_message order on receiver %d", r)
                        .containsExactlyElementsOf(history);
            }
            for (Future<List<UUID>> sender : socketSenders) {
                List<UUID> heardBySender = sender.get();
                assertThat(heardBySender).as("new_message and own message_sent on a sender's socket")
                        .isSortedAccordingTo(Comparator.comparingInt(history::indexOf))
                        .doesNotHaveDuplicates().hasSizeGreaterThanOrEqualTo(PER_SOCKET);
            }
        } finally {
            ears.forEach(WsClient::close);
        }
    }

    private static List<AuthTokens> members(String prefix, int count, UUID channelId) {
        List<AuthTokens> users = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            AuthTokens user = server.users().register("order." + prefix + i);
            server.chat().join(user, channelId);
            users.add(user);
        }
        return users;
    }

    /** Sends over one socket; returns the ids it heard of, own and others', in the order it heard them. */
    private static List<UUID> sendOverSocket(AuthTokens sender, UUID channelId, String name, CountDownLatch go)
            throws InterruptedException {
        try (WsClient socket = WsClient.authenticated(server, sender.accessToken())) {
            go.await();
            int acknowledged = 0;
            for (int i = 0; i < PER_SOCKET; i++) {
                if (i >= WINDOW) {
                    socket.await("message_sent");
                    acknowledged++;
                }
                socket.send(new ClientMessage.SendMessage(channelId, name + "-" + i, null, null, null, name + i));
            }
            for (; acknowledged < PER_SOCKET; acknowledged++) {
                socket.await("message_sent");
            }
            return socket.seen().stream().map(MessageOrderIT::messageId).filter(Objects::nonNull)
                    .toList();
        }
    }

    private static UUID messageId(JsonNode frame) {
        return switch (frame.path("type").asText()) {
            case "new_message" -> UUID.fromString(frame.at("/message/id").asText());
            case "message_sent" -> UUID.fromString(frame.get("message_id").asText());
            default -> null;
        };
    }

    private static Void sendOverRest(AuthTokens sender, UUID channelId, String name, CountDownLatch go)
            throws InterruptedException {
        go.await();
        for (int i = 0; i < PER_REST; i++) {
            server.users().expect(201, server.users().post(sender.accessToken(), "/api/channels/" + channelId
                    + "/messages", new SendMessageRequest(name + "-" + i, null, null, null)), Message.class);
        }
        return null;
    }

    private static List<UUID> heard(WsClient socket, int count) {
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(UUID.fromString(socket.await("new_message", n -> true, Duration.ofSeconds(30))
                    .at("/message/id").asText()));
        }
        return ids;
    }

    /** Every message id of the channel, oldest first, paged by id as a client would. */
    private static List<UUID> history(AuthTokens reader, UUID channelId) {
        List<UUID> newestFirst = new ArrayList<>();
        String query = "limit=100";
        while (true) {
            MessagePage page = server.chat().history(reader, channelId, query);
            page.messages().forEach(m -> newestFirst.add(m.id()));
            if (page.nextBefore() == null) {
                return newestFirst.reversed();
            }
            query = "limit=100&before=" + page.nextBefore();
        }
    }
}
