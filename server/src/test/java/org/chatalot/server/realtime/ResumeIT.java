package org.chatalot.server.realtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.chatalot.model.auth.AuthTokens;
import org.chatalot.model.channel.Channel;
import org.chatalot.model.ws.ClientMessage;
import org.chatalot.server.testing.TestServer;
import org.chatalot.server.testing.WsClient;

class ResumeIT {
    @RegisterExtension
    static TestServer server = TestServer.create();

    @Test
    void resumeAfterADroppedConnectionReplaysExactlyTheMissedEventsInOrder() {
        AuthTokens writer = server.users().register("rs.writer");
        AuthTokens reader = server.users().register("rs.reader");
        Channel channel = server.chat().publicChannel(writer, "resume");
        server.chat().join(reader, channel.id());
        WsClient first = WsClient.authenticated(server, reader.accessToken());
        String sessionId = first.seen().getFirst().get("session_id").asText();
        server.chat().send(writer, channel.id(), "seen before the drop");
        long lastSeq = first.await("new_message").get("seq").asLong();
        first.abort();

        for (int i = 1; i <= 5; i++) {
            server.chat().send(writer, channel.id(), "missed " + i);
        }
        try (WsClient second = WsClient.connect(server)) {
            second.send(new ClientMessage.Resume(reader.accessToken(),
                    java.util.UUID.fromString(sessionId), lastSeq));
            JsonNode resumed = second.await("resumed");
            for (int i = 0; i < 5; i++) {
                second.await("new_message");
            }
            server.chat().send(writer, channel.id(), "live again");
            JsonNode live = second.await("new_message", n -> n.at("/message/content").asText().equals("live again"));

            assertThat(resumed.get("session_id").asText()).isEqualTo(sessionId);
            List<JsonNode> frames = second.seen().stream().filter(n -> n.has("seq")).toList();
            for (int i = 0; i < frames.size(); i++) {
                assertThat(frames.get(i).get("seq").asLong()).as("every event after %d, in order, no gaps", lastSeq)
                        .isEqualTo(lastSeq + 1 + i);
            }
            assertThat(frames).filteredOn(n -> n.get("type").asText().equals("new_message"))
                    .extracting(n -> n.at("/message/content").asText())
                    .containsExactly("missed 1", "missed 2", "missed 3", "missed 4", "missed 5", "live again");
            assertThat(resumed.get("replayed").asLong()).as("the five messages; presence is not replayed")
                    .isEqualTo(5L);
            assertThat(second.seen()).filteredOn(n -> !n.has("seq")).extracting(n -> n.get("type").asText())
                    .startsWith("resumed", "presence_bulk");
            assertThat(live.at("/message/content").asText()).isEqualTo("live again");
        }
    }

    @Test
    void presenceIsNotReplayedButAResumedSocketGetsTheCurrentPresence() {
        AuthTokens watcher = server.users().register("pr.watcher");
        AuthTokens leaver = server.users().register("pr.leaver");
        AuthTokens stayer = server.users().register("pr.stayer");
        WsClient staying = WsClient.authenticated(server, stayer.accessToken());
        WsClient first = WsClient.authenticated(server, watcher.accessToken());
        String sessionId = first.seen().getFirst().get("session_id").asText();
        long lastSeq = first.seen().getFirst().get("seq").asLong();
        WsClient leaving = WsClient.authenticated(server, leaver.accessToken());
        String leaverId = leaver.user().id().toString();
        first.await("presence_update", n -> n.get("user_id").asText().equals(leaverId));
        first.abort();
        leaving.close();
        // The server has the leaver offline once it has processed that close: wait for it, or the presence
        // below could be read a moment before and still list the leaver.
        staying.await("presence_update", n -> n.get("user_id").asText().equals(leaverId)
                && n.get("status").asText().equals("offline"));

        try (staying; WsClient second = WsClient.connect(server)) {
            second.send(new ClientMessage.Resume(watcher.accessToken(), java.util.UUID.fromString(sessionId),
                    lastSeq));
            JsonNode resumed = second.await("resumed");
            JsonNode bulk = second.await("presence_bulk");

            assertThat(resumed.get("replayed").asLong()).isZero();
            assertThat(bulk.has("seq")).isFalse();
            assertThat(bulk.get("users").findValuesAsText("user_id")).contains(stayer.user().id().toString())
                    .doesNotContain(leaverId);
            second.await("presence_update", n -> n.get("user_id").asText().equals(watcher.user().id().toString()));
            assertThat(second.seen()).as("the leaver's going offline is not replayed")
                    .noneMatch(n -> n.path("user_id").asText().equals(leaverId));
        }
    }

    @Test
    void tooManyMissedEventsMeansResumeFailed() {
        AuthTokens writer = server.users().register("of.writer");
        AuthTokens reader = server.users().register("of.reader");
        Channel channel = server.chat().publicChannel(writer, "overflow");
        server.chat().join(reader, channel.id());
        WsClient first = WsClient.authenticated(server, reader.accessToken());
        String sessionId = first.seen().getFirst().get("session_id").asText();
        long lastSeq = first.seen().getFirst().get("seq").asLong();
        first.abort();

        for (int i = 0; i < RealtimeSession.MAX_BUFFERED_EVENTS + 20; i++) {
            server.chat().send(writer, channel.id(), "flood " + i);
        }
        try (WsClient second = WsClient.connect(server)) {
            second.send(new ClientMessage.Resume(reader.accessToken(), java.util.UUID.fromString(sessionId),
                    lastSeq));

            assertThat(second.await("resume_failed").get("reason").asText()).contains("no longer buffered");
            second.send(new ClientMessage.Authenticate(reader.accessToken()));
            assertThat(second.await("authenticated").get("session_id").asText()).isNotEqualTo(sessionId);
        }
    }

    @Test
    void resumeFailsForUnknownSessionsImpossibleSeqAndOtherUsers() {
        AuthTokens owner = server.users().register("rf.owner");
        AuthTokens stranger = server.users().register("rf.stranger");
        WsClient original = WsClient.authenticated(server, owner.accessToken());
        String sessionId = original.seen().getFirst().get("session_id").asText();
        original.abort();

        assertThat(resume(stranger, java.util.UUID.fromString(sessionId), 1)).contains("unknown or expired");
        assertThat(resume(owner, java.util.UUID.randomUUID(), 1)).contains("unknown or expired");
        assertThat(resume(owner, java.util.UUID.fromString(sessionId), 999)).contains("never sent");
    }

    @Test
    void resumingWhileTheOldSocketIsStillOpenMovesTheSessionAndClosesTheOld() {
        AuthTokens user = server.users().register("mv.user");
        try (WsClient old = WsClient.authenticated(server, user.accessToken());
             WsClient replacement = WsClient.connect(server)) {
            old.send(new ClientMessage.Ping("sync"));
            long lastSeq = old.await("pong").get("seq").asLong();
            replacement.send(new ClientMessage.Resume(user.accessToken(),
                    java.util.UUID.fromString(old.seen().getFirst().get("session_id").asText()), lastSeq));

            assertThat(replacement.await("resumed").get("replayed").asLong()).isZero();
            assertThat(old.awaitClose(Duration.ofSeconds(10))).isEqualTo(4007);
            replacement.send(new ClientMessage.Ping("moved"));
            assertThat(replacement.await("pong").get("seq").asLong()).isEqualTo(lastSeq + 1);
        }
    }

    private static String resume(AuthTokens user, java.util.UUID sessionId, long lastSeq) {
        try (WsClient socket = WsClient.connect(server)) {
            socket.send(new ClientMessage.Resume(user.accessToken(), sessionId, lastSeq));
            return socket.await("resume_failed").get("reason").asText();
        }
    }
}
