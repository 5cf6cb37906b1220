package org.chatalot.server.realtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.chatalot.model.admin.AdminUser;
import org.chatalot.model.admin.TargetConfirmation;
import org.chatalot.model.auth.AuthTokens;
import org.chatalot.model.channel.Channel;
import org.chatalot.model.channel.ChannelMember;
import org.chatalot.model.channel.ChannelRole;
import org.chatalot.model.channel.SetRoleRequest;
import org.chatalot.model.message.Message;
import org.chatalot.model.ws.ClientMessage;
import org.chatalot.server.testing.ErrorAssertions;
import org.chatalot.server.testing.TestServer;
import org.chatalot.server.testing.WsClient;

/**
 * A role change reaches every path at once: the instance role (admin) and the channel role (moderator) are
 * read when each action happens, over REST, on an open WebSocket and on a resumed one, in both directions
 * (granted power works at once, revoked power stops at once). Moderation is deleting someone else's message
 * on the socket, and over REST also removing members and archiving.
 */
class PrivilegeChangeIT {
    @RegisterExtension
    static TestServer server = TestServer.create();

    @Test
    void aDemotedAdminCannotDeleteOthersMessagesOnASocketOpenedBefore() {
        AuthTokens admin = server.users().admin("pc.open.admin");
        Message theirs = postedInSharedChannel("pc.open", admin);
        try (WsClient socket = WsClient.authenticated(server, admin.accessToken())) {
            revokeAdmin(admin);
            socket.send(new ClientMessage.DeleteMessage(theirs.id()));

            assertThat(socket.await("error").get("code").asText()).isEqualTo("forbidden");
        }
        assertThat(contentOf(theirs)).as("the message is still there").isEqualTo(theirs.content());
    }

    @Test
    void aDemotedAdminCannotDeleteOthersMessagesOnAResumedSession() {
        AuthTokens admin = server.users().admin("pc.resume.admin");
        Message theirs = postedInSharedChannel("pc.resume", admin);
        WsClient first = WsClient.authenticated(server, admin.accessToken());
        JsonNode authenticated = first.seen().getFirst();
        first.abort();
        revokeAdmin(admin);

        try (WsClient resumed = WsClient.connect(server)) {
            resumed.send(new ClientMessage.Resume(admin.accessToken(),
                    UUID.fromString(authenticated.get("session_id").asText()), authenticated.get("seq").asLong()));
            resumed.await("resumed");
            resumed.send(new ClientMessage.DeleteMessage(theirs.id()));

            assertThat(resumed.await("error").get("code").asText()).isEqualTo("forbidden");
        }
        assertThat(contentOf(theirs)).isEqualTo(theirs.content());
    }

    @Test
    void aMemberMadeAdminCanModerateOnTheSocketTheyAlreadyHave() {
        AuthTokens member = server.users().register("pc.grant.member");
        Message theirs = postedInSharedChannel("pc.grant", member);
        try (WsClient socket = WsClient.authenticated(server, member.accessToken())) {
            grantAdmin(member);
            socket.send(new ClientMessage.DeleteMessage(theirs.id()));

            JsonNode deleted = socket.await("message_deleted");
            assertThat(deleted.get("message_id").asText()).isEqualTo(theirs.id().toString());
        }
    }

    @Test
    void aModeratorDemotedWhileConnectedCannotDeleteOthersMessages() {
        AuthTokens owner = server.users().register("pc.mod.owner");
        AuthTokens moderator = server.users().register("pc.mod.moderator");
        Channel channel = server.chat().publicChannel(owner, "pc-mod");
        server.chat().join(moderator, channel.id());
        setChannelRole(owner, channel, moderator, ChannelRole.MODERATOR);
        Message first = server.chat().send(owner, channel.id(), "moderated while a moderator");
        Message second = server.chat().send(owner, channel.id(), "not any more");
        try (WsClient socket = WsClient.authenticated(server, moderator.accessToken())) {
            socket.send(new ClientMessage.DeleteMessage(first.id()));
            socket.await("message_deleted");

            setChannelRole(owner, channel, moderator, ChannelRole.MEMBER);
            socket.send(new ClientMessage.DeleteMessage(second.id()));

            assertThat(socket.await("error").get("code").asText()).isEqualTo("forbidden");
        }
        assertThat(contentOf(second)).isEqualTo(second.content());
    }

    @Test
    void aMemberMadeModeratorWhileConnectedCanDeleteOthersMessagesAtOnce() {
        AuthTokens owner = server.users().register("pc.promo.owner");
        AuthTokens member = server.users().register("pc.promo.member");
        Channel channel = server.chat().publicChannel(owner, "pc-promo");
        server.chat().join(member, channel.id());
        Message theirs = server.chat().send(owner, channel.id(), "soon moderated");
        try (WsClient socket = WsClient.authenticated(server, member.accessToken())) {
            socket.send(new ClientMessage.DeleteMessage(theirs.id()));
            assertThat(socket.await("error").get("code").asText()).isEqualTo("forbidden");

            setChannelRole(owner, channel, member, ChannelRole.MODERATOR);
            socket.send(new ClientMessage.DeleteMessage(theirs.id()));

            socket.await("message_deleted");
        }
    }

    @Test
    void aDemotedAdminIsRefusedEveryModerationOverRest() {
        AuthTokens admin = server.users().admin("pc.rest.admin");
        AuthTokens owner = server.users().register("pc.rest.owner");
        AuthTokens bystander = server.users().register("pc.rest.bystander");
        Channel channel = server.chat().publicChannel(owner, "pc-rest");
        server.chat().join(admin, channel.id());
        server.chat().join(bystander, channel.id());
        Message theirs = server.chat().send(owner, channel.id(), "not yours to delete");
        String token = admin.accessToken();
        revokeAdmin(admin);

        ErrorAssertions.assertError(server, server.users().delete(token, "/api/messages/" + theirs.id()),
                403, "forbidden", "moderator");
        ErrorAssertions.assertError(server, server.users().delete(token,
                "/api/channels/" + channel.id() + "/members/" + bystander.user().id()), 403, "forbidden", "moderator");
        ErrorAssertions.assertError(server, server.users().post(token, "/api/channels/" + channel.id() + "/archive",
                "{}"), 403, "forbidden", "");
        ErrorAssertions.assertError(server, server.users().get(token, "/api/admin/users"), 403, "forbidden", "admin");
        assertThat(contentOf(theirs)).isEqualTo(theirs.content());
    }

    /** A public channel of a new member, joined by {@code reader}, with one message of that member's. */
    private static Message postedInSharedChannel(String prefix, AuthTokens reader) {
        AuthTokens poster = server.users().register(prefix + ".poster");
        Channel channel = server.chat().publicChannel(poster, prefix.replace('.', '-'));
        server.chat().join(reader, channel.id());
        return server.chat().send(poster, channel.id(), "posted by " + prefix);
    }

    private static void revokeAdmin(AuthTokens admin) {
        UUID id = admin.user().id();
        server.users().expect(200, server.users().delete(server.users().owner().accessToken(),
                "/api/admin/users/" + id + "/admin", new TargetConfirmation(id, null)), AdminUser.class);
    }

    private static void grantAdmin(AuthTokens member) {
        UUID id = member.user().id();
        server.users().expect(200, server.users().post(server.users().owner().accessToken(),
                "/api/admin/users/" + id + "/admin", new TargetConfirmation(id, null)), AdminUser.class);
    }

    private static void setChannelRole(AuthTokens owner, Channel channel, AuthTokens member, ChannelRole role) {
        server.users().expect(200, server.users().put(owner.accessToken(),
                "/api/channels/" + channel.id() + "/members/" + member.user().id(), new SetRoleRequest(role)),
                ChannelMember.class);
    }

    /** The message's content as history shows it now (empty once deleted). */
    private static String contentOf(Message message) {
        AuthTokens reader = server.users().owner();
        server.users().post(reader.accessToken(), "/api/channels/" + message.channelId() + "/join", "{}");
        return server.chat().history(reader, message.channelId(), null).messages().stream()
                .filter(m -> m.id().equals(message.id())).findFirst().map(Message::content).orElse("");
    }
}
