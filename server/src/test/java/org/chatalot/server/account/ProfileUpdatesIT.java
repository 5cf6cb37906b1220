package org.chatalot.server.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.chatalot.model.auth.AuthTokens;
import org.chatalot.model.auth.Me;
import org.chatalot.model.auth.UpdateProfileRequest;
import org.chatalot.model.channel.Channel;
import org.chatalot.model.ws.ServerMessage;
import org.chatalot.server.testing.TestServer;
import org.chatalot.server.testing.TestUsers;
import org.chatalot.server.testing.WsClient;

/**
 * A changed display name or status text reaches, as {@code user_updated}, the people who see that person in a
 * conversation (a shared channel or DM) and the person's own other sockets, and no one else.
 *
 * <p>The "no one else" checks need no waiting: the event is queued on every recipient socket before the
 * profile request answers, and each socket's frames arrive in order. So an outsider who then hears of a later
 * change of their own has been sent everything meant for them before it.
 */
class ProfileUpdatesIT {
    @RegisterExtension
    static TestServer server = TestServer.create();

    @Test
    void aChannelPeerADmPeerAndTheUsersOtherSessionHearTheNewProfileWithoutPrivateFields() {
        AuthTokens uma = server.users().register("uma.live");
        AuthTokens vic = server.users().register("vic.live");
        AuthTokens wen = server.users().register("wen.live");
        Channel channel = server.chat().publicChannel(uma, "live-profiles");
        server.chat().join(vic, channel.id());
        server.chat().dm(wen, uma.user().id());
        AuthTokens umaPhone = server.users().login("uma.live", TestUsers.PASSWORD);
        try (WsClient channelPeer = WsClient.authenticated(server, vic.accessToken());
             WsClient dmPeer = WsClient.authenticated(server, wen.accessToken());
             WsClient otherSession = WsClient.authenticated(server, umaPhone.accessToken())) {

            profile(uma, new UpdateProfileRequest("Uma Live", "uma@example.test", "In the lab today"));

            for (WsClient socket : new WsClient[] {channelPeer, dmPeer, otherSession}) {
                JsonNode frame = socket.await("user_updated", about(uma));
                ServerMessage.UserUpdated event = socket.read(frame, ServerMessage.UserUpdated.class);
                assertThat(event.user().username()).isEqualTo("uma.live");
                assertThat(event.user().displayName()).isEqualTo("Uma Live");
                assertThat(event.user().statusText()).isEqualTo("In the lab today");
                assertThat(frame.get("user").has("email")).as("no private field").isFalse();
                assertThat(frame.toString()).doesNotContain("uma@example.test").doesNotContain("totp")
                        .doesNotContain("password");
            }
        }
    }

    @Test
    void someoneWhoSharesNoChannelOrDmWithThePersonDoesNotHearOfTheChange() {
        AuthTokens xia = server.users().register("xia.live");
        AuthTokens yan = server.users().register("yan.live");
        AuthTokens zed = server.users().register("zed.live");
        Channel channel = server.chat().publicChannel(xia, "xia-only");
        server.chat().join(yan, channel.id());
        server.chat().publicChannel(zed, "zed-elsewhere");
        try (WsClient peer = WsClient.authenticated(server, yan.accessToken());
             WsClient outsider = WsClient.authenticated(server, zed.accessToken())) {

            profile(xia, new UpdateProfileRequest("Xia", null, "Away"));
            peer.await("user_updated", about(xia));
            profile(zed, new UpdateProfileRequest(null, null, "a change of my own"));

            outsider.await("user_updated", about(zed));
            assertThat(outsider.seen()).filteredOn(frame -> "user_updated".equals(frame.path("type").asText()))
                    .extracting(frame -> frame.path("user").path("id").asText())
                    .containsExactly(zed.user().id().toString());
        }
    }

    @Test
    void anEmailChangeAloneIsNobodyElsesNewsAndSendsNothing() {
        AuthTokens ada = server.users().register("ada.live");
        AuthTokens bo = server.users().register("bo.live");
        Channel channel = server.chat().publicChannel(ada, "email-only");
        server.chat().join(bo, channel.id());
        try (WsClient peer = WsClient.authenticated(server, bo.accessToken())) {

            profile(ada, new UpdateProfileRequest(null, "ada@example.test", null));
            profile(ada, new UpdateProfileRequest(null, null, "now visible"));

            JsonNode first = peer.await("user_updated", about(ada));
            assertThat(first.path("user").path("status_text").asText()).as("the email change sent nothing before it")
                    .isEqualTo("now visible");
        }
    }

    private static Predicate<JsonNode> about(AuthTokens who) {
        UUID id = who.user().id();
        return frame -> id.toString().equals(frame.path("user").path("id").asText());
    }

    private static Me profile(AuthTokens who, UpdateProfileRequest request) {
        return server.users().expect(200, server.users().put(who.accessToken(), "/api/account/profile", request),
                Me.class);
    }
}
