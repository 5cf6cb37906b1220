package org.chatalot.server.realtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.chatalot.model.auth.AuthTokens;
import org.chatalot.model.channel.Channel;
import org.chatalot.model.channel.CreateChannelRequest;
import org.chatalot.model.ws.ClientMessage;
import org.chatalot.server.testing.TestServer;
import org.chatalot.server.testing.WsClient;

class RealtimeSmokeTest {
    @RegisterExtension
    static TestServer server = TestServer.create();

    @Test
    void aMessageTravelsFromOneMemberToAnother() {
        AuthTokens alice = server.users().register("alice");
        AuthTokens bob = server.users().register("bob");
        Channel channel = server.users().expect(201, server.users().post(alice.accessToken(), "/api/channels",
                new CreateChannelRequest("general", null, null, null)), Channel.class);
        server.users().expect(200, server.users().post(bob.accessToken(), "/api/channels/" + channel.id() + "/join",
                "{}"), Channel.class);

        try (WsClient a = WsClient.authenticated(server, alice.accessToken());
             WsClient b = WsClient.authenticated(server, bob.accessToken())) {
            a.send(new ClientMessage.SendMessage(channel.id(), "hello bob", null, null, null, "c1"));

            JsonNode sent = a.await("message_sent");
            JsonNode received = b.await("new_message");

            assertThat(sent.get("client_id").asText()).isEqualTo("c1");
            assertThat(received.at("/message/content").asText()).isEqualTo("hello bob");
            assertThat(received.at("/message/id").asText()).isEqualTo(sent.get("message_id").asText());
            assertThat(received.get("seq").asLong()).isPositive();
            UUID.fromString(sent.get("message_id").asText());
        }
    }
}
