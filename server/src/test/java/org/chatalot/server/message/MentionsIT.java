package org.chatalot.server.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.chatalot.server.testing.ErrorAssertions.assertError;

import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.chatalot.model.auth.AuthTokens;
import org.chatalot.model.channel.Channel;
import org.chatalot.model.channel.MarkReadRequest;
import org.chatalot.model.channel.NotifyLevel;
import org.chatalot.model.channel.NotifySetting;
import org.chatalot.model.channel.NotifySettingRequest;
import org.chatalot.model.channel.UnreadCount;
import org.chatalot.model.message.EditMessageRequest;
import org.chatalot.model.message.Message;
import org.chatalot.model.ws.ClientMessage;
import org.chatalot.model.ws.ServerMessage;
import org.chatalot.server.testing.TestServer;
import org.chatalot.server.testing.WsClient;

/** Mentions are recorded with the message, counted in the unread state, and shown on every copy of it. */
class MentionsIT {
    @RegisterExtension
    static TestServer server = TestServer.create();

    @Test
    void aMemberNamedWithAtIsMentionedInAnyCaseAndCountedUntilRead() {
        AuthTokens amy = server.users().register("amy");
        AuthTokens bo = server.users().register("bo.b");
        AuthTokens outsider = server.users().register("outsider");
        Channel channel = server.chat().publicChannel(amy, "mentions");
        server.chat().join(bo, channel.id());

        Message first = server.chat().send(amy, channel.id(), "@BO.B, look. Also @outsider and amy@bo.b and @amy");
        Message second = server.chat().send(amy, channel.id(), "thanks @bo.b.");
        server.chat().send(amy, channel.id(), "no mention here");

        assertThat(first.mentions()).containsExactly(bo.user().id());
        assertThat(second.mentions()).containsExactly(bo.user().id());
        assertThat(unread(bo, channel.id()).mentionCount()).isEqualTo(2);
        assertThat(unread(amy, channel.id()).mentionCount()).isZero();
        assertThat(server.chat().history(bo, channel.id(), "limit=3").messages())
                .extracting(Message::mentions).containsExactly(List.of(), List.of(bo.user().id()),
                        List.of(bo.user().id()));
        server.chat().join(outsider, channel.id());
        assertThat(unread(outsider, channel.id()).mentionCount()).as("not a member when it was sent").isZero();

        markRead(bo, channel.id(), first.id());
        assertThat(unread(bo, channel.id()).mentionCount()).isEqualTo(1);
        markRead(bo, channel.id(), second.id());
        assertThat(unread(bo, channel.id()).mentionCount()).isZero();
    }

    @Test
    void atChannelMentionsEveryMemberButTheSender() {
        AuthTokens cy = server.users().register("cy.sender");
        AuthTokens di = server.users().register("di.member");
        Channel channel = server.chat().publicChannel(cy, "everyone");
        server.chat().join(di, channel.id());

        Message message = server.chat().send(cy, channel.id(), "@channel standup in 5");

        assertThat(message.mentionsChannel()).isTrue();
        assertThat(message.mentions()).isEmpty();
        assertThat(unread(di, channel.id()).mentionCount()).isEqualTo(1);
        assertThat(unread(cy, channel.id()).mentionCount()).isZero();
        assertThat(server.chat().history(di, channel.id(), "limit=1").messages().getFirst().mentionsChannel())
                .isTrue();
    }

    @Test
    void editsAndDeletesChangeWhoIsMentioned() {
        AuthTokens ed = server.users().register("ed.editor");
        AuthTokens fi = server.users().register("fi.friend");
        Channel channel = server.chat().publicChannel(ed, "edited-mentions");
        server.chat().join(fi, channel.id());
        Message plain = server.chat().send(ed, channel.id(), "hello");
        Message mentioning = server.chat().send(ed, channel.id(), "hi @fi.friend");

        Message edited = server.users().expect(200, server.users().send(ed, "PATCH", "/api/messages/" + plain.id(),
                new EditMessageRequest("hello @fi.friend", null)), Message.class);
        assertThat(edited.mentions()).containsExactly(fi.user().id());
        assertThat(unread(fi, channel.id()).mentionCount()).isEqualTo(2);

        assertThat(server.users().delete(ed.accessToken(), "/api/messages/" + mentioning.id()).statusCode())
                .isEqualTo(204);
        server.users().expect(200, server.users().send(ed, "PATCH", "/api/messages/" + plain.id(),
                new EditMessageRequest("hello again", null)), Message.class);
        assertThat(unread(fi, channel.id()).mentionCount()).isZero();
    }

    @Test
    void encryptedMessagesMentionNobody() {
        AuthTokens gil = server.users().register("gil.sealed");
        AuthTokens hu = server.users().register("hu.sealed");
        UUID dm = server.chat().dm(gil, hu.user().id()).channel().id();

        Message sealed = server.users().expect(201, server.users().post(gil.accessToken(), "/api/channels/" + dm
                + "/messages", new org.chatalot.model.message.SendMessageRequest("@hu.sealed @channel", "olm.v1",
                null, null)), Message.class);

        assertThat(sealed.mentions()).isEmpty();
        assertThat(sealed.mentionsChannel()).isFalse();
        assertThat(unread(hu, dm).mentionCount()).isZero();
    }

    @Test
    void theLiveMessageTellsTheMentionedClientAtOnce() throws Exception {
        AuthTokens ivy = server.users().register("ivy.live");
        AuthTokens jay = server.users().register("jay.live");
        Channel channel = server.chat().publicChannel(ivy, "live-mentions");
        server.chat().join(jay, channel.id());
        try (WsClient out = WsClient.authenticated(server, ivy.accessToken());
             WsClient in = WsClient.authenticated(server, jay.accessToken())) {
            out.send(new ClientMessage.SendMessage(channel.id(), "@Jay.Live ping", null, null, null, "m1"));

            JsonNode frame = in.await("new_message");
            Message announced = server.json().treeToValue(frame.get("message"), Message.class);

            assertThat(announced.mentions()).containsExactly(jay.user().id());
            assertThat(frame.get("message").get("mentions_channel").asBoolean()).isFalse();
        }
    }

    @Test
    void notificationLevelsDefaultByKindAndFollowTheUser() {
        AuthTokens kim = server.users().register("kim.levels");
        AuthTokens lou = server.users().register("lou.levels");
        Channel channel = server.chat().publicChannel(kim, "levels");
        UUID dm = server.chat().dm(kim, lou.user().id()).channel().id();

        assertThat(unread(kim, channel.id()).notifyLevel()).isEqualTo(NotifyLevel.MENTIONS);
        assertThat(unread(kim, dm).notifyLevel()).isEqualTo(NotifyLevel.ALL);
        assertThat(level(kim, channel.id())).isEqualTo(new NotifySetting(channel.id(), NotifyLevel.MENTIONS, true));

        AuthTokens otherBrowser = server.users().login("kim.levels", org.chatalot.server.testing.TestUsers.PASSWORD);
        try (WsClient otherSocket = WsClient.authenticated(server, otherBrowser.accessToken())) {
            NotifySetting chosen = server.users().expect(200, server.users().put(kim.accessToken(), "/api/channels/"
                    + channel.id() + "/notifications", new NotifySettingRequest(NotifyLevel.NOTHING)),
                    NotifySetting.class);
            assertThat(chosen).isEqualTo(new NotifySetting(channel.id(), NotifyLevel.NOTHING, false));
            assertThat(otherSocket.read(otherSocket.await("notify_setting_changed"),
                    ServerMessage.NotifySettingChanged.class).setting()).as("told to the user's other browser at once")
                    .isEqualTo(chosen);
        }
        assertThat(unread(otherBrowser, channel.id()).notifyLevel()).isEqualTo(NotifyLevel.NOTHING);
        assertThat(unread(lou, dm).notifyLevel()).as("someone else's level").isEqualTo(NotifyLevel.ALL);

        server.users().expect(200, server.users().put(kim.accessToken(), "/api/channels/" + channel.id()
                + "/notifications", "{}"), NotifySetting.class);
        assertThat(level(kim, channel.id())).isEqualTo(new NotifySetting(channel.id(), NotifyLevel.MENTIONS, true));
    }

    @Test
    void notificationLevelsAreOnlyForMembersAndOnlyKnownLevels() {
        AuthTokens max = server.users().register("max.levels");
        AuthTokens nia = server.users().register("nia.levels");
        Channel open = server.chat().publicChannel(max, "levels-open");
        Channel closed = server.chat().privateChannel(max, "levels-closed");

        assertError(server, server.users().get(nia.accessToken(), "/api/channels/" + closed.id() + "/notifications"),
                404, "not_found", "no such channel");
        assertError(server, server.users().put(nia.accessToken(), "/api/channels/" + open.id() + "/notifications",
                new NotifySettingRequest(NotifyLevel.ALL)), 403, "not_member", "join");
        assertThat(server.users().put(max.accessToken(), "/api/channels/" + open.id() + "/notifications",
                "{\"level\":\"loud\"}").statusCode()).isEqualTo(400);
    }

    private static UnreadCount unread(AuthTokens who, UUID channelId) {
        List<UnreadCount> all;
        try {
            all = server.json().readValue(server.users().get(who.accessToken(), "/api/channels/unread").body(),
                    new TypeReference<List<UnreadCount>>() { });
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return all.stream().filter(u -> u.channelId().equals(channelId)).findFirst().orElseThrow();
    }

    private static NotifySetting level(AuthTokens who, UUID channelId) {
        return server.users().expect(200, server.users().get(who.accessToken(), "/api/channels/" + channelId
                + "/notifications"), NotifySetting.class);
    }

    private static void markRead(AuthTokens who, UUID channelId, UUID messageId) {
        assertThat(server.users().post(who.accessToken(), "/api/channels/" + channelId + "/read",
                new MarkReadRequest(messageId)).statusCode()).isEqualTo(204);
    }
}
