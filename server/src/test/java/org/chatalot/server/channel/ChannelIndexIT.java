package org.chatalot.server.channel;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.chatalot.model.auth.AuthTokens;
import org.chatalot.model.channel.Channel;
import org.chatalot.model.channel.DmChannel;
import org.chatalot.model.error.ErrorBody;
import org.chatalot.model.message.SendMessageRequest;
import org.chatalot.server.testing.TestServer;

/**
 * Whether a post is allowed is answered from the in-memory channel index, not the channel row: it must agree
 * with the database from the moment a change is answered, through every path that changes a channel, and
 * after a restart (when it is loaded again).
 */
class ChannelIndexIT {

    @RegisterExtension
    static TestServer server = TestServer.create();

    @Test
    void whatMayBePostedToIsTheSameAfterARestart() {
        AuthTokens owner = server.users().register("i.owner");
        AuthTokens other = server.users().register("i.other");
        Channel open = server.chat().publicChannel(owner, "i-open");
        Channel shelved = server.chat().publicChannel(owner, "i-shelved");
        Channel gone = server.chat().publicChannel(owner, "i-gone");
        Channel secret = server.chat().privateChannel(owner, "i-secret");
        DmChannel dm = server.chat().dm(owner, other.user().id());
        server.users().expect(200, server.users().post(owner.accessToken(),
                "/api/channels/" + shelved.id() + "/archive", "{}"), Channel.class);
        server.users().delete(owner.accessToken(), "/api/channels/" + gone.id());

        server.restart();

        assertThat(post(owner, open.id()).statusCode()).isEqualTo(201);
        assertThat(post(owner, secret.id()).statusCode()).isEqualTo(201);
        assertThat(post(other, dm.channel().id()).statusCode()).isEqualTo(201);
        assertThat(code(post(owner, shelved.id()), 403)).isEqualTo("channel_archived");
        assertThat(code(post(owner, gone.id()), 404)).isEqualTo("not_found");
        assertThat(code(post(other, secret.id()), 404)).isEqualTo("not_found");
        assertThat(code(post(other, open.id()), 403)).isEqualTo("not_member");
    }

    @Test
    void anAdminsArchiveUnarchiveAndDeleteApplyToTheNextPost() {
        AuthTokens member = server.users().register("i.member");
        Channel channel = server.chat().privateChannel(member, "i-admin");
        String admin = server.users().owner().accessToken();
        String path = "/api/admin/channels/" + channel.id();

        server.users().expect(200, server.users().post(admin, path + "/archive", "{}"), Object.class);
        String archived = code(post(member, channel.id()), 403);
        server.users().expect(200, server.users().post(admin, path + "/unarchive", "{}"), Object.class);
        int reopened = post(member, channel.id()).statusCode();
        server.users().delete(admin, path, Map.of("confirm_channel_id", channel.id()));
        String deleted = code(post(member, channel.id()), 404);

        assertThat(archived).isEqualTo("channel_archived");
        assertThat(reopened).isEqualTo(201);
        assertThat(deleted).isEqualTo("not_found");
    }

    private static HttpResponse<String> post(AuthTokens from, UUID channelId) {
        return server.users().post(from.accessToken(), "/api/channels/" + channelId + "/messages",
                new SendMessageRequest("hello", null, null, null));
    }

    private static String code(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        return server.read(response, ErrorBody.class).error().code();
    }
}
