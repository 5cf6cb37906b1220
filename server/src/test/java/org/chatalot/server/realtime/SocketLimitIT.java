package org.chatalot.server.realtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.chatalot.model.auth.AuthTokens;
import org.chatalot.model.ws.ClientMessage;
import org.chatalot.server.testing.TestServer;
import org.chatalot.server.testing.WsClient;

/**
 * At most 8 open sockets per user, however they were opened: authenticate, resume, or many at once; and at
 * most 16 sessions per user counting those waiting for a resume.
 */
class SocketLimitIT {
    private static final int LIMIT = 8;
    private static final int SESSIONS = 2 * LIMIT;

    @RegisterExtension
    static TestServer server = TestServer.create();

    @Test
    void resumingADetachedSessionCountsAgainstTheLimit() {
        AuthTokens user = server.users().register("sl.resume");
        AuthTokens watcher = server.users().register("sl.watcher");
        List<WsClient> open = new ArrayList<>();
        try (WsClient watching = WsClient.authenticated(server, watcher.accessToken())) {
            WsClient dropped = WsClient.authenticated(server, user.accessToken());
            JsonNode authenticated = dropped.seen().getFirst();
            dropped.abort();
            awaitPresence(watching, user, "offline");
            for (int i = 0; i < LIMIT; i++) {
                open.add(WsClient.authenticated(server, user.accessToken()));
            }

            try (WsClient ninth = WsClient.connect(server)) {
                ninth.send(new ClientMessage.Resume(user.accessToken(),
                        UUID.fromString(authenticated.get("session_id").asText()), authenticated.get("seq").asLong()));

                assertThat(ninth.await("error").get("code").asText()).isEqualTo("too_many_sockets");
                assertThat(ninth.awaitClose(Duration.ofSeconds(15))).isEqualTo(4004);
            }
            assertThat(open).as("the eight stay open").noneMatch(WsClient::isClosed);
        } finally {
            open.forEach(WsClient::close);
        }
    }

    @Test
    void theRefusedResumeCanSucceedOnceASocketIsFree() {
        AuthTokens user = server.users().register("sl.later");
        WsClient dropped = WsClient.authenticated(server, user.accessToken());
        JsonNode authenticated = dropped.seen().getFirst();
        dropped.abort();
        List<WsClient> open = openUpToTheLimit(user);
        try {
            ClientMessage.Resume resume = new ClientMessage.Resume(user.accessToken(),
                    UUID.fromString(authenticated.get("session_id").asText()), authenticated.get("seq").asLong());
            try (WsClient refused = WsClient.connect(server)) {
                refused.send(resume);
                assertThat(refused.awaitClose(Duration.ofSeconds(15))).isEqualTo(4004);
            }
            open.removeFirst().close();

            try (WsClient resumed = untilAccepted(resume, "resumed")) {
                assertThat(resumed.seen().getFirst().get("session_id").asText())
                        .isEqualTo(authenticated.get("session_id").asText());
            }
        } finally {
            open.forEach(WsClient::close);
        }
    }

    @Test
    void movingASessionToANewSocketAtTheLimitIsNotRefused() {
        AuthTokens user = server.users().register("sl.move");
        List<WsClient> open = new ArrayList<>();
        try {
            for (int i = 0; i < LIMIT; i++) {
                open.add(WsClient.authenticated(server, user.accessToken()));
            }
            WsClient moving = open.getFirst();
            moving.send(new ClientMessage.Ping("sync"));
            long lastSeq = moving.await("pong").get("seq").asLong();

            try (WsClient replacement = WsClient.connect(server)) {
                replacement.send(new ClientMessage.Resume(user.accessToken(),
                        UUID.fromString(moving.seen().getFirst().get("session_id").asText()), lastSeq));

                replacement.await("resumed");
                assertThat(moving.awaitClose(Duration.ofSeconds(15))).isEqualTo(4007);
            }
        } finally {
            open.forEach(WsClient::close);
        }
    }

    @Test
    void reconnectingOverAndOverKeepsAtMostSixteenSessionsAndEndsTheOldestFirst() {
        AuthTokens user = server.users().register("sl.churn");
        List<JsonNode> sessions = new ArrayList<>();
        for (int i = 0; i < 2 * SESSIONS; i++) {
            WsClient socket = untilAccepted(new ClientMessage.Authenticate(user.accessToken()), "authenticated");
            sessions.add(socket.seen().getFirst());
            socket.abort();
        }

        assertThat(resumeReason(user, sessions.getFirst())).as("the oldest is gone").contains("unknown or expired");
        try (WsClient newest = untilAccepted(resumeOf(user, sessions.getLast()), "resumed")) {
            assertThat(newest.seen().getFirst().get("session_id").asText())
                    .isEqualTo(sessions.getLast().get("session_id").asText());
        }
    }

    @Test
    void manyAuthenticationsAtOnceNeverGetPastTheLimit() throws Exception {
        AuthTokens user = server.users().register("sl.burst");
        int attempts = 3 * LIMIT;
        List<WsClient> sockets = new ArrayList<>();
        for (int i = 0; i < attempts; i++) {
            sockets.add(WsClient.connect(server));
        }
        CountDownLatch go = new CountDownLatch(1);
        try (ExecutorService senders = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<String>> outcomes = new ArrayList<>();
            for (WsClient socket : sockets) {
                outcomes.add(senders.submit(() -> {
                    go.await();
                    socket.send(new ClientMessage.Authenticate(user.accessToken()));
                    return firstAnswer(socket);
                }));
            }
            go.countDown();
            List<String> answers = new ArrayList<>();
            for (Future<String> outcome : outcomes) {
                answers.add(outcome.get());
            }

            assertThat(answers).filteredOn("authenticated"::equals).hasSize(LIMIT);
            assertThat(answers).filteredOn("too_many_sockets"::equals).hasSize(attempts - LIMIT);
        } finally {
            sockets.forEach(WsClient::close);
        }
    }

    /**
     * Opens sockets until eight are authenticated. A socket dropped a moment before may still be counted until
     * the server notices; a refused attempt is then simply made again, for at most 10 s.
     */
    private static List<WsClient> openUpToTheLimit(AuthTokens user) {
        List<WsClient> open = new ArrayList<>();
        while (open.size() < LIMIT) {
            open.add(untilAccepted(new ClientMessage.Authenticate(user.accessToken()), "authenticated"));
        }
        return open;
    }

    /** Sends {@code first} on fresh sockets until one is answered with {@code expected} (10 s at most). */
    private static WsClient untilAccepted(ClientMessage first, String expected) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            WsClient socket = WsClient.connect(server);
            socket.send(first);
            JsonNode answer = socket.awaitAny(n -> n.path("type").asText().equals(expected)
                    || n.path("type").asText().equals("error"));
            if (answer.path("type").asText().equals(expected)) {
                return socket;
            }
            socket.close();
            assertThat(answer.get("code").asText()).isEqualTo("too_many_sockets");
            assertThat(System.nanoTime()).as("a freed socket is noticed within 30 s").isLessThan(deadline);
        }
    }

    private static ClientMessage.Resume resumeOf(AuthTokens user, JsonNode authenticated) {
        return new ClientMessage.Resume(user.accessToken(), UUID.fromString(authenticated.get("session_id").asText()),
                authenticated.get("seq").asLong());
    }

    private static String resumeReason(AuthTokens user, JsonNode authenticated) {
        try (WsClient socket = WsClient.connect(server)) {
            socket.send(resumeOf(user, authenticated));
            return socket.await("resume_failed").get("reason").asText();
        }
    }

    /** {@code authenticated}, or the code of the error that refused the socket. */
    private static String firstAnswer(WsClient socket) {
        JsonNode answer = socket.awaitAny(n -> n.path("type").asText().equals("authenticated")
                || n.path("type").asText().equals("error"));
        return answer.path("type").asText().equals("error") ? answer.get("code").asText() : "authenticated";
    }

    private static void awaitPresence(WsClient watching, AuthTokens user, String status) {
        watching.await("presence_update", n -> n.get("user_id").asText().equals(user.user().id().toString())
                && n.get("status").asText().equals(status));
    }
}
