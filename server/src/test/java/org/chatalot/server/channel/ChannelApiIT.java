package org.chatalot.server.channel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.core.type.TypeReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.chatalot.model.auth.AuthTokens;
import org.chatalot.model.channel.Channel;
import org.chatalot.model.channel.ChannelMember;
import org.chatalot.model.channel.ChannelRole;
import org.chatalot.model.channel.CreateChannelRequest;
import org.chatalot.model.channel.SetRoleRequest;
import org.chatalot.model.channel.UpdateChannelRequest;
import org.chatalot.model.channel.Visibility;
import org.chatalot.model.error.ErrorBody;
import org.chatalot.server.testing.ErrorAssertions;
import org.chatalot.server.testing.TestServer;

class ChannelApiIT {
    @RegisterExtension
    static TestServer server = TestServer.create();

    @Test
    void creatorOwnsTheChannelAndOthersFindPublicOnes() throws Exception {
        AuthTokens ann = server.users().register("ann");
        AuthTokens ben = server.users().register("ben");
        Channel channel = server.chat().publicChannel(ann, "  Announcements ");

        assertThat(channel.name()).isEqualTo("Announcements");
        assertThat(channel.memberCount()).isEqualTo(1);
        assertThat(list(ben, "/api/channels/public")).extracting(Channel::id).contains(channel.id());
        assertThat(list(ben, "/api/channels")).extracting(Channel::id).doesNotContain(channel.id());
        server.chat().join(ben, channel.id());
        assertThat(list(ben, "/api/channels")).extracting(Channel::id).contains(channel.id());
        List<ChannelMember> members = server.json().readValue(server.users().get(ben.accessToken(),
                "/api/channels/" + channel.id() + "/members").body(), new TypeReference<>() { });
        assertThat(members).extracting(m -> m.user().username() + ":" + m.role().wireName())
                .containsExactly("ann:owner", "ben:member");
    }

    @Test
    void aNameOf80EmojiAndATopicOf500AreKept() {
        AuthTokens owner = server.users().register("wide.chars");
        String name = "\uD83C\uDF89".repeat(80);
        String topic = "\uD83D\uDCAC".repeat(500);

        Channel channel = server.users().expect(201, server.users().post(owner.accessToken(), "/api/channels",
                new CreateChannelRequest(name, null, null, topic)), Channel.class);

        assertThat(channel.name()).isEqualTo(name);
        assertThat(channel.topic()).isEqualTo(topic);
    }

    @Test
    void aNameWithTextDirectionOverridesIsRefusedLikeADisplayName() {
        AuthTokens owner = server.users().register("trickster");

        for (String name : List.of("invoice\u202Efdp.exe", "left\u2066right", "zero\u200Fmark")) {
            ErrorBody body = ErrorAssertions.assertError(server, server.users().post(owner.accessToken(),
                    "/api/channels", new CreateChannelRequest(name, null, null, null)), 400, "validation_failed",
                    "text-direction");
            assertThat(body.error().field()).isEqualTo("name");
        }
        Channel plain = server.chat().publicChannel(owner, "plain");
        ErrorBody renamed = ErrorAssertions.assertError(server, server.users().send(owner, "PATCH",
                "/api/channels/" + plain.id(), new UpdateChannelRequest("evil\u202Etxt", null)), 400,
                "validation_failed", "text-direction");
        assertThat(renamed.error().field()).isEqualTo("name");
    }

    @Test
    void privateChannelsAreInvisibleToNonMembersButMembersMayAddPeople() {
        AuthTokens cat = server.users().register("cat");
        AuthTokens dan = server.users().register("dan");
        AuthTokens eve = server.users().register("eve");
        Channel secret = server.chat().privateChannel(cat, "secret");

        assertThat(server.users().get(eve.accessToken(), "/api/channels/" + secret.id()).statusCode()).isEqualTo(404);
        assertThat(server.users().post(eve.accessToken(), "/api/channels/" + secret.id() + "/join", "{}")
                .statusCode()).isEqualTo(404);
        server.chat().add(cat, secret.id(), dan.user().id());
        server.chat().add(dan, secret.id(), eve.user().id());
        assertThat(server.users().get(eve.accessToken(), "/api/channels/" + secret.id()).statusCode()).isEqualTo(200);
    }

    @Test
    void onlyModeratorsRenameAndArchiveAndArchivedChannelsAreReadOnly() {
        AuthTokens owner = server.users().register("chowner");
        AuthTokens mod = server.users().register("chmod");
        AuthTokens member = server.users().register("chmember");
        Channel channel = server.chat().publicChannel(owner, "team");
        server.chat().join(mod, channel.id());
        server.chat().join(member, channel.id());
        server.users().expect(200, server.users().put(owner.accessToken(), "/api/channels/" + channel.id()
                + "/members/" + mod.user().id(), new SetRoleRequest(ChannelRole.MODERATOR)), ChannelMember.class);

        var denied = server.users().send(member, "PATCH", "/api/channels/" + channel.id(),
                new UpdateChannelRequest("hijacked", null));
        var renamed = server.users().send(mod, "PATCH", "/api/channels/" + channel.id(),
                new UpdateChannelRequest("team-renamed", "All things team"));
        var archived = server.users().post(mod.accessToken(), "/api/channels/" + channel.id() + "/archive", "{}");
        var post = server.users().post(member.accessToken(), "/api/channels/" + channel.id() + "/messages",
                "{\"content\":\"hello?\"}");

        assertThat(denied.statusCode()).isEqualTo(403);
        assertThat(server.read(renamed, Channel.class).topic()).isEqualTo("All things team");
        assertThat(server.read(archived, Channel.class).archivedAt()).isNotNull();
        assertThat(post.statusCode()).isEqualTo(403);
        assertThat(server.read(post, ErrorBody.class).error().code()).isEqualTo("channel_archived");
    }

    @Test
    void onlyTheOwnerOrAnAdminDeletes() {
        AuthTokens owner = server.users().register("delowner");
        AuthTokens member = server.users().register("delmember");
        Channel channel = server.chat().publicChannel(owner, "doomed");
        server.chat().join(member, channel.id());

        assertThat(server.users().delete(member.accessToken(), "/api/channels/" + channel.id()).statusCode())
                .isEqualTo(403);
        assertThat(server.users().delete(server.users().owner().accessToken(), "/api/channels/" + channel.id())
                .statusCode()).as("instance owner is an admin").isEqualTo(204);
        assertThat(server.users().get(owner.accessToken(), "/api/channels/" + channel.id()).statusCode())
                .isEqualTo(404);
    }

    @Test
    void moderatorsRemoveMembersButNotTheOwnerAndOwnershipPassesOnWhenTheOwnerLeaves() throws Exception {
        AuthTokens owner = server.users().register("rmowner");
        AuthTokens mod = server.users().register("rmmod");
        AuthTokens member = server.users().register("rmmember");
        Channel channel = server.chat().publicChannel(owner, "removals");
        server.chat().join(mod, channel.id());
        server.chat().join(member, channel.id());
        server.users().put(owner.accessToken(), "/api/channels/" + channel.id() + "/members/" + mod.user().id(),
                new SetRoleRequest(ChannelRole.MODERATOR));

        assertThat(server.users().delete(mod.accessToken(), "/api/channels/" + channel.id() + "/members/"
                + owner.user().id()).statusCode()).isEqualTo(403);
        assertThat(server.users().delete(mod.accessToken(), "/api/channels/" + channel.id() + "/members/"
                + member.user().id()).statusCode()).isEqualTo(204);
        assertThat(server.users().post(owner.accessToken(), "/api/channels/" + channel.id() + "/leave", "{}")
                .statusCode()).isEqualTo(204);
        List<ChannelMember> members = server.json().readValue(server.users().get(mod.accessToken(),
                "/api/channels/" + channel.id() + "/members").body(), new TypeReference<>() { });
        assertThat(members).singleElement().satisfies(m -> {
            assertThat(m.user().id()).isEqualTo(mod.user().id());
            assertThat(m.role()).isEqualTo(ChannelRole.OWNER);
        });
    }

    @Test
    void validationNamesTheField() {
        AuthTokens user = server.users().register("validator");
        var noName = server.users().post(user.accessToken(), "/api/channels",
                new CreateChannelRequest(" ", null, null, null));
        var longName = server.users().post(user.accessToken(), "/api/channels",
                new CreateChannelRequest("x".repeat(81), null, Visibility.PUBLIC, null));
        var dmKind = server.users().post(user.accessToken(), "/api/channels", "{\"name\":\"x\",\"kind\":\"dm\"}");
        var badKind = server.users().post(user.accessToken(), "/api/channels", "{\"name\":\"x\",\"kind\":\"video\"}");

        assertThat(server.read(noName, ErrorBody.class).error().field()).isEqualTo("name");
        assertThat(server.read(longName, ErrorBody.class).error().field()).isEqualTo("name");
        assertThat(server.read(dmKind, ErrorBody.class).error().field()).isEqualTo("kind");
        assertThat(server.read(badKind, ErrorBody.class).error().field()).isEqualTo("kind");
        assertThat(server.users().get(user.accessToken(), "/api/channels/" + UUID.randomUUID()).statusCode())
                .isEqualTo(404);
    }

    private static List<Channel> list(AuthTokens user, String path) throws Exception {
        return server.json().readValue(server.users().get(user.accessToken(), path).body(), new TypeReference<>() { });
    }
}
