package org.chatalot.server.file;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.chatalot.model.auth.AuthTokens;
import org.chatalot.model.channel.Channel;
import org.chatalot.model.channel.CreateChannelRequest;
import org.chatalot.model.channel.Visibility;
import org.chatalot.model.file.FileInfo;
import org.chatalot.model.message.Message;
import org.chatalot.model.message.MessagePage;
import org.chatalot.model.message.SendMessageRequest;
import org.chatalot.model.ws.ClientMessage;
import org.chatalot.server.testing.ErrorAssertions;
import org.chatalot.server.testing.FileClient;
import org.chatalot.server.testing.TestServer;
import org.chatalot.server.testing.TestUsers;
import org.chatalot.server.testing.WsClient;

/** Files travel with messages: metadata in {@code new_message} and history, access for the channel. */
class AttachmentsIT {
    @RegisterExtension
    static TestServer server = TestServer.create();

    private final FileClient files = new FileClient(server);
    private final TestUsers users = server.users();

    @Test
    void attachmentArrivesInNewMessageWithItsMetadataAndBecomesReadableByTheChannel() {
        AuthTokens alice = users.register("alice");
        AuthTokens bob = users.register("bob");
        Channel channel = publicChannel(alice, "general");
        join(bob, channel);
        byte[] content = "quarterly numbers".getBytes(StandardCharsets.UTF_8);
        FileInfo file = files.uploaded(alice.accessToken(), "q3.txt", content);
        assertThat(files.download(bob.accessToken(), file.id()).statusCode()).as("before posting").isEqualTo(404);

        try (WsClient a = WsClient.authenticated(server, alice.accessToken());
             WsClient b = WsClient.authenticated(server, bob.accessToken())) {
            a.send(new ClientMessage.SendMessage(channel.id(), "see attached", null, null, List.of(file.id()), "c1"));

            a.await("message_sent");
            JsonNode received = b.await("new_message");

            JsonNode attachment = received.at("/message/attachments/0");
            assertThat(attachment.get("id").asText()).isEqualTo(file.id().toString());
            assertThat(attachment.get("name").asText()).isEqualTo("q3.txt");
            assertThat(attachment.get("size_bytes").asLong()).isEqualTo(content.length);
            assertThat(attachment.get("content_type").asText()).isEqualTo("text/plain");
            assertThat(attachment.get("sha256").asText()).isEqualTo(FileClient.sha256(content));
        }
        assertThat(files.download(bob.accessToken(), file.id()).body()).isEqualTo(content);
        MessagePage history = users.expect(200, users.get(bob.accessToken(), "/api/channels/" + channel.id()
                + "/messages"), MessagePage.class);
        assertThat(history.messages().getFirst().attachments()).containsExactly(file);
    }

    @Test
    void attachmentsKeepTheOrderTheSenderGave() {
        AuthTokens carol = users.register("carol");
        Channel channel = publicChannel(carol, "ordered");
        FileInfo first = files.uploaded(carol.accessToken(), "1.txt", new byte[] {'1'});
        FileInfo second = files.uploaded(carol.accessToken(), "2.txt", new byte[] {'2'});

        Message sent = send(carol, channel, List.of(second.id(), first.id()));
        MessagePage history = users.expect(200, users.get(carol.accessToken(), "/api/channels/" + channel.id()
                + "/messages"), MessagePage.class);

        assertThat(sent.attachments()).containsExactly(second, first);
        assertThat(history.messages().getFirst().attachments()).containsExactly(second, first);
    }

    @Test
    void onlyYourOwnUnattachedFilesMayBeAttached() {
        AuthTokens dave = users.register("dave");
        AuthTokens erin = users.register("erin");
        Channel here = publicChannel(dave, "here");
        Channel there = publicChannel(dave, "there");
        join(erin, here);
        FileInfo erins = files.uploaded(erin.accessToken(), "erin.txt", new byte[] {'e'});
        FileInfo used = files.uploaded(dave.accessToken(), "used.txt", new byte[] {'u'});
        FileInfo elsewhere = users.expect(201, files.uploadTo(dave.accessToken(), there.id(), "t.txt",
                new byte[] {'t'}), FileInfo.class);
        send(dave, here, List.of(used.id()));

        ErrorAssertions.assertError(server, attach(dave, here, erins), 400, "validation_failed", "no file of yours");
        ErrorAssertions.assertError(server, attach(dave, here, used), 400, "validation_failed", "already attached");
        ErrorAssertions.assertError(server, attach(dave, here, elsewhere), 400, "validation_failed",
                "another channel");
        assertThat(attach(dave, there, elsewhere).statusCode()).as("in its own channel").isEqualTo(201);
    }

    private Message send(AuthTokens who, Channel channel, List<UUID> fileIds) {
        return users.expect(201, users.post(who.accessToken(), "/api/channels/" + channel.id() + "/messages",
                new SendMessageRequest("with files", null, null, fileIds)), Message.class);
    }

    private HttpResponse<String> attach(AuthTokens who, Channel channel, FileInfo file) {
        return users.post(who.accessToken(), "/api/channels/" + channel.id() + "/messages",
                new SendMessageRequest("look", null, null, List.of(file.id())));
    }

    private Channel publicChannel(AuthTokens owner, String name) {
        return users.expect(201, users.post(owner.accessToken(), "/api/channels",
                new CreateChannelRequest(name, null, Visibility.PUBLIC, null)), Channel.class);
    }

    private void join(AuthTokens who, Channel channel) {
        users.expect(200, users.post(who.accessToken(), "/api/channels/" + channel.id() + "/join", "{}"),
                Channel.class);
    }
}
