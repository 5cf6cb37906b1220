package org.chatalot.server.message;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.core.type.TypeReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.chatalot.model.auth.AuthTokens;
import org.chatalot.model.channel.Channel;
import org.chatalot.model.channel.MarkReadRequest;
import org.chatalot.model.channel.UnreadCount;
import org.chatalot.model.error.ErrorBody;
import org.chatalot.model.message.EditMessageRequest;
import org.chatalot.model.message.Message;
import org.chatalot.model.message.MessageEdit;
import org.chatalot.model.message.MessagePage;
import org.chatalot.model.message.SendMessageRequest;
import org.chatalot.server.testing.TestServer;

class MessageApiIT {
    @RegisterExtension
    static TestServer server = TestServer.create();

    @Test
    void historyPagesNewestFirstWithAStableCursorWhileMessagesArrive() {
        AuthTokens user = server.users().register("pager");
        Channel channel = server.chat().publicChannel(user, "pages");
        List<UUID> sent = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            sent.add(server.chat().send(user, channel.id(), "m" + i).id());
        }

        MessagePage first = server.chat().history(user, channel.id(), "limit=10");
        server.chat().send(user, channel.id(), "late arrival");
        MessagePage second = server.chat().history(user, channel.id(), "limit=10&before=" + first.nextBefore());
        MessagePage third = server.chat().history(user, channel.id(), "limit=10&before=" + second.nextBefore());

        assertThat(first.messages()).extracting(Message::content).startsWith("m24", "m23").endsWith("m15");
        assertThat(second.messages()).extracting(Message::content).startsWith("m14").endsWith("m5");
        assertThat(third.messages()).extracting(Message::content).containsExactly("m4", "m3", "m2", "m1", "m0");
        assertThat(third.nextBefore()).isNull();
        List<UUID> all = new ArrayList<>();
        List.of(first, second, third).forEach(p -> p.messages().forEach(m -> all.add(m.id())));
        assertThat(all).containsExactlyElementsOf(sent.reversed());
        assertThat(server.users().get(user.accessToken(), "/api/channels/" + channel.id() + "/messages?limit=101")
                .statusCode()).isEqualTo(400);
    }

    @Test
    void contentIsOpaqueUpTo64KibAndEncryptionNamesAScheme() {
        AuthTokens user = server.users().register("opaque");
        Channel channel = server.chat().publicChannel(user, "opaque");
        String envelope = "{\"ciphertext\":\"" + "A".repeat(1000) + "\",\"<script>\":1}";

        Message encrypted = server.users().expect(201, server.users().post(user.accessToken(),
                "/api/channels/" + channel.id() + "/messages",
                new SendMessageRequest(envelope, "olm.v1", null, null)), Message.class);
        var exact = server.users().post(user.accessToken(), "/api/channels/" + channel.id() + "/messages",
                new SendMessageRequest("é".repeat(32 * 1024), null, null, null));
        var over = server.users().post(user.accessToken(), "/api/channels/" + channel.id() + "/messages",
                new SendMessageRequest("é".repeat(32 * 1024) + "x", null, null, null));
        var badScheme = server.users().post(user.accessToken(), "/api/channels/" + channel.id() + "/messages",
                new SendMessageRequest("x", "Not A Scheme!", null, null));

        assertThat(encrypted.content()).isEqualTo(envelope);
        assertThat(encrypted.encryption()).isEqualTo("olm.v1");
        assertThat(exact.statusCode()).as("65536 UTF-8 bytes").isEqualTo(201);
        assertThat(over.statusCode()).isEqualTo(413);
        assertThat(server.read(badScheme, ErrorBody.class).error().field()).isEqualTo("encryption");
    }

    @Test
    void editsKeepHistoryAndOnlyTheSenderMayEdit() throws Exception {
        AuthTokens author = server.users().register("author");
        AuthTokens other = server.users().register("other");
        Channel channel = server.chat().publicChannel(author, "edits");
        server.chat().join(other, channel.id());
        Message original = server.chat().send(author, channel.id(), "frist");

        Message edited = server.users().expect(200, server.users().send(author, "PATCH", "/api/messages/"
                + original.id(), new EditMessageRequest("first", null)), Message.class);
        var notMine = server.users().send(other, "PATCH", "/api/messages/" + original.id(),
                new EditMessageRequest("vandalised", null));
        List<MessageEdit> history = server.json().readValue(server.users().get(other.accessToken(),
                "/api/messages/" + original.id() + "/edits").body(), new TypeReference<>() { });

        assertThat(edited.content()).isEqualTo("first");
        assertThat(edited.editedAt()).isNotNull();
        assertThat(notMine.statusCode()).isEqualTo(403);
        assertThat(history).extracting(MessageEdit::content).containsExactly("frist");
    }

    @Test
    void sendersAndModeratorsDeleteButOthersCannot() {
        AuthTokens owner = server.users().register("delchan");
        AuthTokens poster = server.users().register("poster");
        AuthTokens bystander = server.users().register("bystander");
        Channel channel = server.chat().publicChannel(owner, "deletions");
        server.chat().join(poster, channel.id());
        server.chat().join(bystander, channel.id());
        Message one = server.chat().send(poster, channel.id(), "one");
        Message two = server.chat().send(poster, channel.id(), "two");

        assertThat(server.users().delete(bystander.accessToken(), "/api/messages/" + one.id()).statusCode())
                .isEqualTo(403);
        assertThat(server.users().delete(poster.accessToken(), "/api/messages/" + one.id()).statusCode())
                .isEqualTo(204);
        assertThat(server.users().delete(owner.accessToken(), "/api/messages/" + two.id()).statusCode())
                .as("channel owner moderates").isEqualTo(204);
        MessagePage page = server.chat().history(bystander, channel.id(), null);
        assertThat(page.messages()).allSatisfy(m -> {
            assertThat(m.deleted()).isTrue();
            assertThat(m.content()).isNull();
        });
    }

    @Test
    void aReactionWithTextDirectionCharactersIsRefusedButEmojiSequencesAreNot() {
        AuthTokens user = server.users().register("flipper");
        Channel channel = server.chat().publicChannel(user, "directions");
        Message message = server.chat().send(user, channel.id(), "react to me");

        assertThat(react(user, message.id(), "\u202E:ok:")).isEqualTo(400);
        assertThat(react(user, message.id(), ":ok:\u2066")).isEqualTo(400);
        // A family emoji is joined with U+200D (also a format character): it stays allowed.
        assertThat(react(user, message.id(), "\uD83D\uDC69\u200D\uD83D\uDC67")).isEqualTo(204);
    }

    @Test
    void reactionsAreLimitedToTwentyDistinctEmojiPerMessage() {
        AuthTokens user = server.users().register("reactor");
        Channel channel = server.chat().publicChannel(user, "reactions");
        Message message = server.chat().send(user, channel.id(), "react to me");
        for (int i = 0; i < 20; i++) {
            assertThat(react(user, message.id(), ":e" + i + ":")).isEqualTo(204);
        }
        assertThat(react(user, message.id(), ":e3:")).as("same emoji again is a no-op").isEqualTo(204);

        assertThat(react(user, message.id(), ":one-too-many:")).isEqualTo(409);
        assertThat(react(user, message.id(), "👍")).isEqualTo(409);
        MessagePage page = server.chat().history(user, channel.id(), null);
        assertThat(page.messages().getFirst().reactions()).hasSize(20)
                .allSatisfy(r -> assertThat(r.userIds()).containsExactly(user.user().id()));
        assertThat(server.users().delete(user.accessToken(), "/api/messages/" + message.id() + "/reactions/:e0:")
                .statusCode()).isEqualTo(204);
        assertThat(react(user, message.id(), "👍")).isEqualTo(204);
    }

    @Test
    void replyToMustBeInTheSameChannel() {
        AuthTokens user = server.users().register("replier");
        Channel a = server.chat().publicChannel(user, "reply-a");
        Channel b = server.chat().publicChannel(user, "reply-b");
        Message inA = server.chat().send(user, a.id(), "original");

        var crossChannel = server.users().post(user.accessToken(), "/api/channels/" + b.id() + "/messages",
                new SendMessageRequest("reply", null, inA.id(), null));
        Message reply = server.users().expect(201, server.users().post(user.accessToken(), "/api/channels/" + a.id()
                + "/messages", new SendMessageRequest("reply", null, inA.id(), null)), Message.class);

        assertThat(server.read(crossChannel, ErrorBody.class).error().field()).isEqualTo("reply_to");
        assertThat(reply.replyTo()).isEqualTo(inA.id());
    }

    @Test
    void unreadCountsFollowTheReadCursorWhichOnlyMovesForward() throws Exception {
        AuthTokens writer = server.users().register("writer");
        AuthTokens reader = server.users().register("reader");
        Channel channel = server.chat().publicChannel(writer, "unread");
        server.chat().join(reader, channel.id());
        List<Message> sent = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            sent.add(server.chat().send(writer, channel.id(), "u" + i));
        }
        assertThat(unread(reader, channel.id()).unreadCount()).isEqualTo(5);
        assertThat(unread(writer, channel.id()).unreadCount()).as("own messages are not unread").isZero();

        server.users().post(reader.accessToken(), "/api/channels/" + channel.id() + "/read",
                new MarkReadRequest(sent.get(2).id()));
        assertThat(unread(reader, channel.id()).unreadCount()).isEqualTo(2);
        server.users().post(reader.accessToken(), "/api/channels/" + channel.id() + "/read",
                new MarkReadRequest(sent.get(0).id()));
        assertThat(unread(reader, channel.id()).unreadCount()).as("cursor never moves back").isEqualTo(2);
        assertThat(unread(reader, channel.id()).lastMessageId()).isEqualTo(sent.get(4).id());
    }

    private static int react(AuthTokens user, UUID messageId, String emoji) {
        return server.users().put(user.accessToken(), "/api/messages/" + messageId + "/reactions/"
                + java.net.URLEncoder.encode(emoji, java.nio.charset.StandardCharsets.UTF_8), "{}").statusCode();
    }

    private static UnreadCount unread(AuthTokens user, UUID channelId) throws Exception {
        List<UnreadCount> all = server.json().readValue(server.users().get(user.accessToken(),
                "/api/channels/unread").body(), new TypeReference<>() { });
        return all.stream().filter(u -> u.channelId().equals(channelId)).findFirst().orElseThrow();
    }
}
