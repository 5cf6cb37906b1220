package org.chatalot.server.realtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.chatalot.model.auth.AuthTokens;
import org.chatalot.model.channel.Channel;
import org.chatalot.model.channel.DmChannel;
import org.chatalot.model.message.MessagePage;
import org.chatalot.model.ws.ClientMessage;
import org.chatalot.model.ws.PresenceStatus;
import org.chatalot.server.testing.TestServer;
import org.chatalot.server.testing.TestUsers;
import org.chatalot.server.testing.WsClient;

class RealtimeDeliveryIT {
    private static final Duration QUIET = Duration.ofMillis(400);

    @RegisterExtension
    static TestServer server = TestServer.create();

    @Test
    void authenticatedSessionStartsAtSeqOneWithPresence() {
        AuthTokens user = server.users().register("starter");
        try (WsClient socket = WsClient.connect(server)) {
            socket.send(new ClientMessage.Authenticate(user.accessToken()));
            JsonNode authenticated = socket.await("authenticated");
            JsonNode presence = socket.await("presence_bulk");

            assertThat(authenticated.get("seq").asLong()).isEqualTo(1);
            assertThat(authenticated.get("user_id").asText()).isEqualTo(user.user().id().toString());
            assertThat(authenticated.get("server_version").asText()).isNotBlank();
            assertThat(authenticated.get("ping_interval_secs").asLong()).isEqualTo(25);
            UUID.fromString(authenticated.get("session_id").asText());
            assertThat(presence.has("seq")).as("presence is the moment's state, not a numbered event").isFalse();
            assertThat(presence.get("users").isArray()).isTrue();
        }
    }

    @Test
    void messagesReachEveryMemberSocketButNotOutsidersAndAckAfterStorage() {
        AuthTokens alice = server.users().register("d.alice");
        AuthTokens bob = server.users().register("d.bob");
        AuthTokens carol = server.users().register("d.carol");
        Channel channel = server.chat().publicChannel(alice, "delivery");
        server.chat().join(bob, channel.id());
        try (WsClient aliceLaptop = WsClient.authenticated(server, alice.accessToken());
             WsClient alicePhone = WsClient.authenticated(server, alice.accessToken());
             WsClient bobSocket = WsClient.authenticated(server, bob.accessToken());
             WsClient carolSocket = WsClient.authenticated(server, carol.accessToken())) {
            aliceLaptop.send(new ClientMessage.SendMessage(channel.id(), "hi all", null, null, null, "n-1"));

            JsonNode ack = aliceLaptop.await("message_sent");
            JsonNode onPhone = alicePhone.await("new_message");
            JsonNode atBob = bobSocket.await("new_message");
            MessagePage stored = server.chat().history(bob, channel.id(), null);

            assertThat(ack.get("client_id").asText()).isEqualTo("n-1");
            assertThat(stored.messages().getFirst().id().toString()).isEqualTo(ack.get("message_id").asText());
            assertThat(onPhone.at("/message/content").asText()).isEqualTo("hi all");
            assertThat(atBob.at("/message/sender/username").asText()).isEqualTo("d.alice");
            aliceLaptop.expectNone("new_message", QUIET);
            carolSocket.expectNone("new_message", QUIET);
        }
    }

    @Test
    void restPostsAreDeliveredToo() {
        AuthTokens poster = server.users().register("d.poster");
        AuthTokens listener = server.users().register("d.listener");
        Channel channel = server.chat().publicChannel(poster, "rest-posts");
        server.chat().join(listener, channel.id());
        try (WsClient socket = WsClient.authenticated(server, listener.accessToken())) {
            server.chat().send(poster, channel.id(), "via rest");

            assertThat(socket.await("new_message").at("/message/content").asText()).isEqualTo("via rest");
        }
    }

    @Test
    void editsDeletesAndReactionsAreAnnounced() {
        AuthTokens a = server.users().register("e.a");
        AuthTokens b = server.users().register("e.b");
        Channel channel = server.chat().publicChannel(a, "events");
        server.chat().join(b, channel.id());
        try (WsClient sa = WsClient.authenticated(server, a.accessToken());
             WsClient sb = WsClient.authenticated(server, b.accessToken())) {
            sa.send(new ClientMessage.SendMessage(channel.id(), "tpyo", null, null, null, null));
            UUID id = UUID.fromString(sa.await("message_sent").get("message_id").asText());

            sa.send(new ClientMessage.EditMessage(id, "typo", null));
            assertThat(sb.await("message_edited").at("/message/content").asText()).isEqualTo("typo");
            sb.send(new ClientMessage.AddReaction(id, "🎉"));
            assertThat(sa.await("reaction_added").get("emoji").asText()).isEqualTo("🎉");
            sb.send(new ClientMessage.RemoveReaction(id, "🎉"));
            assertThat(sa.await("reaction_removed").get("user_id").asText()).isEqualTo(b.user().id().toString());
            sa.send(new ClientMessage.DeleteMessage(id));
            assertThat(sb.await("message_deleted").get("message_id").asText()).isEqualTo(id.toString());
        }
    }

    @Test
    void dmMessagesReachOnlyThePair() {
        AuthTokens a = server.users().register("p.a");
        AuthTokens b = server.users().register("p.b");
        AuthTokens c = server.users().register("p.c");
        DmChannel dm = server.chat().dm(a, b.user().id());
        try (WsClient sb = WsClient.authenticated(server, b.accessToken());
             WsClient sc = WsClient.authenticated(server, c.accessToken())) {
            server.chat().send(a, dm.channel().id(), "psst");

            assertThat(sb.await("new_message").at("/message/content").asText()).isEqualTo("psst");
            sc.expectNone("new_message", QUIET);
        }
    }

    @Test
    void aRemovedMemberStopsReceivingAtOnce() {
        AuthTokens owner = server.users().register("r.owner");
        AuthTokens gone = server.users().register("r.gone");
        Channel channel = server.chat().privateChannel(owner, "removal");
        server.chat().add(owner, channel.id(), gone.user().id());
        try (WsClient socket = WsClient.authenticated(server, gone.accessToken())) {
            server.chat().send(owner, channel.id(), "before");
            assertThat(socket.await("new_message").at("/message/content").asText()).isEqualTo("before");

            server.users().delete(owner.accessToken(), "/api/channels/" + channel.id() + "/members/"
                    + gone.user().id());
            JsonNode left = socket.await("member_left");
            server.chat().send(owner, channel.id(), "after");

            assertThat(left.get("reason").asText()).isEqualTo("removed");
            socket.expectNone("new_message", QUIET);
        }
    }

    @Test
    void joiningAnnouncesTheNewMemberToTheChannel() {
        AuthTokens owner = server.users().register("j.owner");
        AuthTokens joiner = server.users().register("j.joiner");
        Channel channel = server.chat().publicChannel(owner, "joinable");
        try (WsClient socket = WsClient.authenticated(server, owner.accessToken())) {
            server.chat().join(joiner, channel.id());

            JsonNode joined = socket.await("member_joined");
            assertThat(joined.at("/member/user/username").asText()).isEqualTo("j.joiner");
            assertThat(joined.at("/member/role").asText()).isEqualTo("member");
        }
    }

    @Test
    void typingIsDeduplicatedAndOnlyForSubscribers() {
        AuthTokens a = server.users().register("t.a");
        AuthTokens b = server.users().register("t.b");
        Channel channel = server.chat().publicChannel(a, "typing");
        server.chat().join(b, channel.id());
        try (WsClient sa = WsClient.authenticated(server, a.accessToken());
             WsClient sb = WsClient.authenticated(server, b.accessToken())) {
            sa.send(new ClientMessage.Typing(channel.id()));
            sb.expectNone("user_typing", QUIET);

            sb.send(new ClientMessage.Subscribe(List.of(channel.id())));
            sb.send(new ClientMessage.Ping("sync"));
            sb.await("pong");
            sa.send(new ClientMessage.StopTyping(channel.id()));
            sa.send(new ClientMessage.Typing(channel.id()));
            sa.send(new ClientMessage.Typing(channel.id()));
            sa.send(new ClientMessage.Typing(channel.id()));

            assertThat(sb.await("user_typing").get("user_id").asText()).isEqualTo(a.user().id().toString());
            sb.expectNone("user_typing", QUIET);
            sa.send(new ClientMessage.SendMessage(channel.id(), "done typing", null, null, null, null));
            assertThat(sb.await("user_stopped_typing").get("user_id").asText()).isEqualTo(a.user().id().toString());
        }
    }

    @Test
    void typingExpiresAfterTenSecondsOfSilence() {
        AuthTokens a = server.users().register("x.a");
        AuthTokens b = server.users().register("x.b");
        Channel channel = server.chat().publicChannel(a, "expiry");
        server.chat().join(b, channel.id());
        try (WsClient sa = WsClient.authenticated(server, a.accessToken());
             WsClient sb = WsClient.authenticated(server, b.accessToken())) {
            sb.send(new ClientMessage.Subscribe(List.of(channel.id())));
            sb.send(new ClientMessage.Ping(null));
            sb.await("pong");
            long sent = System.nanoTime();
            sa.send(new ClientMessage.Typing(channel.id()));
            sb.await("user_typing");

            sb.await("user_stopped_typing", n -> true, Duration.ofSeconds(60));

            // Not before ten seconds: the clock starts after the server saw "typing", so this cannot flake.
            // How soon after is the sweep's and the machine's business (a busy machine is later, not wrong).
            assertThat(Duration.ofNanos(System.nanoTime() - sent)).isGreaterThanOrEqualTo(Duration.ofSeconds(10));
        }
    }

    @Test
    void presenceFollowsSocketsAndInvisibleLooksOffline() {
        AuthTokens watcher = server.users().register("w.watcher");
        AuthTokens mover = server.users().register("w.mover");
        try (WsClient sw = WsClient.authenticated(server, watcher.accessToken())) {
            String moverId = mover.user().id().toString();
            WsClient sm = WsClient.authenticated(server, mover.accessToken());
            assertThat(sw.await("presence_update", n -> n.get("user_id").asText().equals(moverId))
                    .get("status").asText()).isEqualTo("online");

            sm.send(new ClientMessage.UpdatePresence(PresenceStatus.DND));
            assertThat(sw.await("presence_update", n -> n.get("user_id").asText().equals(moverId))
                    .get("status").asText()).isEqualTo("dnd");
            sm.send(new ClientMessage.UpdatePresence(PresenceStatus.INVISIBLE));
            assertThat(sw.await("presence_update", n -> n.get("user_id").asText().equals(moverId))
                    .get("status").asText()).isEqualTo("offline");
            sm.send(new ClientMessage.UpdatePresence(PresenceStatus.ONLINE));
            sw.await("presence_update", n -> n.get("status").asText().equals("online"));
            sm.close();
            assertThat(sw.await("presence_update", n -> n.get("user_id").asText().equals(moverId))
                    .get("status").asText()).isEqualTo("offline");
        }
    }

    @Test
    void aConnectionDroppedWithoutACloseFrameIsNoticedAtOnce() {
        AuthTokens watcher = server.users().register("d.watcher");
        AuthTokens dropper = server.users().register("d.dropper");
        try (WsClient sw = WsClient.authenticated(server, watcher.accessToken())) {
            String dropperId = dropper.user().id().toString();
            WsClient sd = WsClient.authenticated(server, dropper.accessToken());
            sw.await("presence_update", n -> n.get("user_id").asText().equals(dropperId));
            sd.abort();

            // Before the next ping (25 s) could have found the dead socket.
            assertThat(sw.await("presence_update", n -> n.get("user_id").asText().equals(dropperId),
                    Duration.ofSeconds(15)).get("status").asText()).isEqualTo("offline");
        }
    }

    @Test
    void readReceiptsReachTheChannelIncludingTheReadersOtherDevices() {
        AuthTokens writer = server.users().register("rr.writer");
        AuthTokens reader = server.users().register("rr.reader");
        Channel channel = server.chat().publicChannel(writer, "receipts");
        server.chat().join(reader, channel.id());
        UUID message = server.chat().send(writer, channel.id(), "read me").id();
        try (WsClient readerPhone = WsClient.authenticated(server, reader.accessToken());
             WsClient readerLaptop = WsClient.authenticated(server, reader.accessToken());
             WsClient writerSocket = WsClient.authenticated(server, writer.accessToken())) {
            readerPhone.send(new ClientMessage.MarkRead(channel.id(), message));

            assertThat(writerSocket.await("read_receipt").get("message_id").asText()).isEqualTo(message.toString());
            assertThat(readerLaptop.await("read_receipt").get("user_id").asText())
                    .isEqualTo(reader.user().id().toString());
        }
    }

    @Test
    void signingOutClosesTheSessionsSocketsWithForceLogout() {
        AuthTokens user = server.users().register("fl.user");
        AuthTokens other = server.users().login("fl.user", TestUsers.PASSWORD);
        try (WsClient doomed = WsClient.authenticated(server, user.accessToken());
             WsClient survivor = WsClient.authenticated(server, other.accessToken())) {
            server.users().post(user.accessToken(), "/api/auth/logout", "{}");

            assertThat(doomed.await("force_logout").get("reason").asText()).isEqualTo("logout");
            assertThat(doomed.awaitClose(Duration.ofSeconds(10))).isEqualTo(4003);
            survivor.send(new ClientMessage.Ping("still here"));
            assertThat(survivor.await("pong").get("nonce").asText()).isEqualTo("still here");
        }
    }
}
