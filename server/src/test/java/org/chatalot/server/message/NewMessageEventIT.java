package org.chatalot.server.message;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.chatalot.model.auth.AuthTokens;
import org.chatalot.model.auth.UpdateProfileRequest;
import org.chatalot.model.channel.Channel;
import org.chatalot.model.file.FileInfo;
import org.chatalot.model.message.Message;
import org.chatalot.model.ws.ClientMessage;
import org.chatalot.server.testing.FileClient;
import org.chatalot.server.testing.TestServer;
import org.chatalot.server.testing.WsClient;

/**
 * {@code new_message} is built from the message as it was stored and the sender's cached profile, not read
 * back from the database: it must still show exactly what history shows, and a new display name at once.
 */
class NewMessageEventIT {

    @RegisterExtension
    static TestServer server = TestServer.create();

    @Test
    void newMessageShowsTheMessageExactlyAsHistoryDoes() throws Exception {
        AuthTokens sender = server.users().register("h.sender");
        AuthTokens reader = server.users().register("h.reader");
        Channel channel = server.chat().publicChannel(sender, "faithful");
        server.chat().join(reader, channel.id());
        Message first = server.chat().send(sender, channel.id(), "first");
        FileInfo file = new FileClient(server).uploaded(sender.accessToken(), "notes.txt", "hello".getBytes());
        try (WsClient out = WsClient.authenticated(server, sender.accessToken());
             WsClient in = WsClient.authenticated(server, reader.accessToken())) {
            out.send(new ClientMessage.SendMessage(channel.id(), "envelope", "olm.v1", first.id(), List.of(file.id()),
                    "c1"));
            Message announced = server.json().treeToValue(in.await("new_message").get("message"), Message.class);
            Message stored = server.chat().history(reader, channel.id(), "limit=1").messages().getFirst();

            assertThat(announced).isEqualTo(stored);
            assertThat(announced.attachments()).containsExactly(file);
            assertThat(announced.sender().displayName()).isEqualTo("h.sender");
        }
    }

    @Test
    void aRestPostAnswersWithTheMessageAsHistoryShowsIt() {
        AuthTokens sender = server.users().register("r.sender");
        Channel channel = server.chat().publicChannel(sender, "rest-faithful");

        Message posted = server.chat().send(sender, channel.id(), "via rest");
        Message stored = server.chat().history(sender, channel.id(), "limit=1").messages().getFirst();

        assertThat(posted).isEqualTo(stored);
    }

    @Test
    void aChangedDisplayNameShowsOnTheNextMessage() {
        AuthTokens sender = server.users().register("n.sender");
        AuthTokens reader = server.users().register("n.reader");
        Channel channel = server.chat().publicChannel(sender, "renaming");
        server.chat().join(reader, channel.id());
        try (WsClient out = WsClient.authenticated(server, sender.accessToken());
             WsClient in = WsClient.authenticated(server, reader.accessToken())) {
            out.send(new ClientMessage.SendMessage(channel.id(), "as before", null, null, null, null));
            JsonNode before = in.await("new_message");
            server.users().expect(200, server.users().put(sender.accessToken(), "/api/account/profile",
                    new UpdateProfileRequest("Newly Named", null)), JsonNode.class);
            out.send(new ClientMessage.SendMessage(channel.id(), "renamed", null, null, null, null));
            JsonNode after = in.await("new_message");

            assertThat(before.at("/message/sender/display_name").asText()).isEqualTo("n.sender");
            assertThat(after.at("/message/sender/display_name").asText()).isEqualTo("Newly Named");
        }
    }
}
