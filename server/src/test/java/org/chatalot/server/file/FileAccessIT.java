package org.chatalot.server.file;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.chatalot.model.auth.AuthTokens;
import org.chatalot.model.channel.Channel;
import org.chatalot.model.channel.ChannelMember;
import org.chatalot.model.channel.ChannelRole;
import org.chatalot.model.channel.CreateChannelRequest;
import org.chatalot.model.channel.SetRoleRequest;
import org.chatalot.model.channel.Visibility;
import org.chatalot.model.file.FileInfo;
import org.chatalot.server.testing.ErrorAssertions;
import org.chatalot.server.testing.FileClient;
import org.chatalot.server.testing.TestServer;
import org.chatalot.server.testing.TestUsers;

/** Who may read and delete a file: channel members, the uploader, moderators and admins; others get 404. */
class FileAccessIT {
    private static final byte[] CONTENT = "minutes of the meeting".getBytes(StandardCharsets.UTF_8);

    @RegisterExtension
    static TestServer server = TestServer.create();

    private final FileClient files = new FileClient(server);
    private final TestUsers users = server.users();

    @Test
    void fileUploadedToAChannelIsReadableByItsMembersOnly() {
        AuthTokens alice = users.register("alice");
        AuthTokens bob = users.register("bob");
        AuthTokens eve = users.register("eve");
        Channel channel = channel(alice, "team", Visibility.PRIVATE);
        addMember(alice, channel, bob);

        FileInfo file = users.expect(201, files.uploadTo(alice.accessToken(), channel.id(), "minutes.txt", CONTENT),
                FileInfo.class);

        assertThat(files.download(bob.accessToken(), file.id()).body()).isEqualTo(CONTENT);
        assertThat(files.download(eve.accessToken(), file.id()).statusCode()).isEqualTo(404);
        ErrorAssertions.assertError(server, users.get(eve.accessToken(), "/api/files/" + file.id() + "/meta"), 404,
                "not_found", "no such file");
        assertThat(files.download(users.owner().accessToken(), file.id()).statusCode())
                .as("admins read channel files only as members").isEqualTo(404);
    }

    @Test
    void unpostedFileIsReadableByItsUploaderAndAdminsOnly() {
        AuthTokens carol = users.register("carol");
        AuthTokens dave = users.register("dave");

        FileInfo file = files.uploaded(carol.accessToken(), "draft.txt", CONTENT);

        assertThat(files.download(carol.accessToken(), file.id()).statusCode()).isEqualTo(200);
        assertThat(files.download(users.owner().accessToken(), file.id()).statusCode()).isEqualTo(200);
        assertThat(files.download(dave.accessToken(), file.id()).statusCode()).isEqualTo(404);
        assertThat(files.download(dave.accessToken(), UUID.randomUUID()).statusCode())
                .as("indistinguishable from a file that does not exist").isEqualTo(404);
    }

    @Test
    void uploadingIntoAChannelNeedsMembership() {
        AuthTokens frank = users.register("frank");
        AuthTokens grace = users.register("grace");
        Channel secret = channel(frank, "secret", Visibility.PRIVATE);
        Channel open = channel(frank, "open", Visibility.PUBLIC);

        HttpResponse<String> intoPrivate = files.uploadTo(grace.accessToken(), secret.id(), "x.txt", CONTENT);
        HttpResponse<String> intoPublic = files.uploadTo(grace.accessToken(), open.id(), "x.txt", CONTENT);

        ErrorAssertions.assertError(server, intoPrivate, 404, "not_found", "no such channel");
        ErrorAssertions.assertError(server, intoPublic, 403, "not_member", "join the channel first");
    }

    @Test
    void uploaderModeratorAndAdminMayDeleteButOtherMembersMayNot() {
        AuthTokens heidi = users.register("heidi");
        AuthTokens ivan = users.register("ivan");
        AuthTokens judy = users.register("judy");
        Channel channel = channel(heidi, "shared", Visibility.PRIVATE);
        addMember(heidi, channel, ivan);
        addMember(heidi, channel, judy);
        FileInfo byIvan = users.expect(201, files.uploadTo(ivan.accessToken(), channel.id(), "a.txt", CONTENT),
                FileInfo.class);
        FileInfo byIvanToo = users.expect(201, files.uploadTo(ivan.accessToken(), channel.id(), "b.txt", CONTENT),
                FileInfo.class);
        FileInfo byJudy = users.expect(201, files.uploadTo(judy.accessToken(), channel.id(), "c.txt", CONTENT),
                FileInfo.class);
        FileInfo unposted = files.uploaded(judy.accessToken(), "d.txt", CONTENT);

        ErrorAssertions.assertError(server, users.delete(judy.accessToken(), "/api/files/" + byIvan.id()), 403,
                "forbidden", "only the uploader");
        assertThat(users.delete(ivan.accessToken(), "/api/files/" + byIvan.id()).statusCode()).isEqualTo(204);
        assertThat(users.delete(heidi.accessToken(), "/api/files/" + byJudy.id()).statusCode())
                .as("the channel owner moderates").isEqualTo(204);
        assertThat(users.delete(ivan.accessToken(), "/api/files/" + unposted.id()).statusCode()).isEqualTo(404);
        assertThat(users.delete(users.owner().accessToken(), "/api/files/" + byIvanToo.id()).statusCode())
                .isEqualTo(204);
        assertThat(files.download(ivan.accessToken(), byIvan.id()).statusCode()).isEqualTo(404);
    }

    @Test
    void aPromotedModeratorMayDeleteOthersFiles() {
        AuthTokens kim = users.register("kim");
        AuthTokens lee = users.register("lee");
        AuthTokens moe = users.register("moe");
        Channel channel = channel(kim, "mods", Visibility.PRIVATE);
        addMember(kim, channel, lee);
        addMember(kim, channel, moe);
        users.expect(200, users.put(kim.accessToken(), "/api/channels/" + channel.id() + "/members/"
                + moe.user().id(), new SetRoleRequest(ChannelRole.MODERATOR)), ChannelMember.class);
        FileInfo byLee = users.expect(201, files.uploadTo(lee.accessToken(), channel.id(), "a.txt", CONTENT),
                FileInfo.class);

        assertThat(users.delete(moe.accessToken(), "/api/files/" + byLee.id()).statusCode()).isEqualTo(204);
    }

    private Channel channel(AuthTokens owner, String name, Visibility visibility) {
        return users.expect(201, users.post(owner.accessToken(), "/api/channels",
                new CreateChannelRequest(name, null, visibility, null)), Channel.class);
    }

    private void addMember(AuthTokens owner, Channel channel, AuthTokens member) {
        users.expect(201, users.post(owner.accessToken(), "/api/channels/" + channel.id() + "/members",
                "{\"user_id\":\"" + member.user().id() + "\"}"), ChannelMember.class);
    }
}
