package org.chatalot.server.channel;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.chatalot.model.auth.AuthTokens;
import org.chatalot.model.channel.Channel;
import org.chatalot.model.channel.ChannelMember;
import org.chatalot.model.channel.ChannelRole;
import org.chatalot.model.channel.SetRoleRequest;
import org.chatalot.model.channel.UpdateChannelRequest;
import org.chatalot.model.error.ErrorBody;
import org.chatalot.model.file.FileInfo;
import org.chatalot.model.message.Message;
import org.chatalot.model.message.SendMessageRequest;
import org.chatalot.model.ws.ClientMessage;
import org.chatalot.server.testing.FileClient;
import org.chatalot.server.testing.TestServer;
import org.chatalot.server.testing.WsClient;

/**
 * An archived channel is read-only (docs/api.md): nothing in it changes, whoever asks and by whichever path,
 * until a moderator unarchives it. Reading goes on.
 */
class ArchivedChannelIsReadOnlyIT {
    @RegisterExtension
    static TestServer server = TestServer.create();
    private final FileClient files = new FileClient(server);

    private record Shelf(AuthTokens owner, AuthTokens member, Channel channel, Message message, FileInfo file) {
        String path() {
            return "/api/channels/" + channel.id();
        }
    }

    /** A channel with a member's message carrying a file, then archived by its owner (a moderator). */
    private Shelf archivedShelf(String name) {
        AuthTokens owner = server.users().register(name + "-own");
        AuthTokens member = server.users().register(name + "-mem");
        Channel channel = server.chat().publicChannel(owner, name);
        server.chat().join(member, channel.id());
        FileInfo file = files.uploaded(member.accessToken(), "notes.txt", "minutes".getBytes(StandardCharsets.UTF_8));
        Message message = server.users().expect(201, server.users().post(member.accessToken(), "/api/channels/"
                + channel.id() + "/messages", new SendMessageRequest("kept", null, null, List.of(file.id()))),
                Message.class);
        server.users().expect(200, server.users().post(owner.accessToken(), "/api/channels/" + channel.id()
                + "/archive", "{}"), Channel.class);
        return new Shelf(owner, member, channel, message, file);
    }

    @Test
    void neitherTheSenderNorAModeratorDeletesAMessage() {
        Shelf shelf = archivedShelf("shelf-del");
        String message = "/api/messages/" + shelf.message().id();

        assertArchived(server.users().delete(shelf.member().accessToken(), message));
        assertArchived(server.users().delete(shelf.owner().accessToken(), message));
        assertThat(server.chat().history(shelf.member(), shelf.channel().id(), null).messages())
                .singleElement().satisfies(m -> assertThat(m.content()).isEqualTo("kept"));

        server.users().expect(200, server.users().post(shelf.owner().accessToken(), shelf.path() + "/unarchive",
                "{}"), Channel.class);
        assertThat(server.users().delete(shelf.member().accessToken(), message).statusCode()).isEqualTo(204);
    }

    @Test
    void aDeleteOverTheWebSocketIsRefusedToo() {
        Shelf shelf = archivedShelf("shelf-ws");
        try (WsClient socket = WsClient.authenticated(server, shelf.member().accessToken())) {
            socket.send(new ClientMessage.DeleteMessage(shelf.message().id()));

            assertThat(socket.await("error").path("code").asText()).isEqualTo("channel_archived");
        }
        assertThat(server.chat().history(shelf.member(), shelf.channel().id(), null).messages())
                .singleElement().satisfies(m -> assertThat(m.content()).isEqualTo("kept"));
    }

    @Test
    void aPostedFileCannotBeDeletedFromIt() {
        Shelf shelf = archivedShelf("shelf-file");

        assertArchived(server.users().delete(shelf.member().accessToken(), "/api/files/" + shelf.file().id()));
        assertThat(files.download(shelf.member().accessToken(), shelf.file().id()).statusCode()).isEqualTo(200);
    }

    @Test
    void itCannotBeRenamedButItsMembersCanStillBeManaged() {
        Shelf shelf = archivedShelf("shelf-name");

        assertArchived(server.users().send(shelf.owner(), "PATCH", shelf.path(),
                new UpdateChannelRequest("renamed", "new topic")));
        server.users().expect(200, server.users().put(shelf.owner().accessToken(), shelf.path() + "/members/"
                + shelf.member().user().id(), new SetRoleRequest(ChannelRole.MODERATOR)), ChannelMember.class);
    }

    @Test
    void editsAndReactionsStayRefused() {
        Shelf shelf = archivedShelf("shelf-edit");
        String message = "/api/messages/" + shelf.message().id();

        assertArchived(server.users().send(shelf.member(), "PATCH", message, "{\"content\":\"changed\"}"));
        assertArchived(server.users().put(shelf.member().accessToken(), message + "/reactions/:ok:", "{}"));
    }

    private static void assertArchived(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(403);
        assertThat(server.read(response, ErrorBody.class).error().code()).isEqualTo("channel_archived");
    }
}
