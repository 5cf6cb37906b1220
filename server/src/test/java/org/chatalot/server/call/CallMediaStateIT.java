package org.chatalot.server.call;

import static org.assertj.core.api.Assertions.assertThat;
import static org.chatalot.server.call.Voice.error;
import static org.chatalot.server.call.Voice.isOf;
import static org.chatalot.server.call.Voice.join;
import static org.chatalot.server.call.Voice.participants;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.chatalot.model.auth.AuthTokens;
import org.chatalot.model.channel.Channel;
import org.chatalot.model.channel.Visibility;
import org.chatalot.model.ws.ClientMessage;
import org.chatalot.server.testing.TestServer;
import org.chatalot.server.testing.WsClient;

/**
 * What participants say about their microphone and camera reaches everyone in the channel, and a session that
 * connects while calls go on learns them at once (the sidebar shows who is in a call before anything changes).
 */
class CallMediaStateIT {

    @RegisterExtension
    static TestServer server = TestServer.create();

    @Test
    void muteAndCameraAreAnnouncedToTheChannelsMembers() {
        AuthTokens alice = server.users().register("ms.alice");
        AuthTokens bob = server.users().register("ms.bob");
        AuthTokens watcher = server.users().register("ms.watcher");
        Channel voice = server.chat().voiceChannel(alice, "ms-voice", Visibility.PUBLIC);
        server.chat().join(bob, voice.id());
        server.chat().join(watcher, voice.id());
        try (WsClient a = WsClient.authenticated(server, alice.accessToken());
             WsClient b = WsClient.authenticated(server, bob.accessToken());
             WsClient w = WsClient.authenticated(server, watcher.accessToken())) {
            a.send(new ClientMessage.JoinVoice(voice.id(), true, true));
            JsonNode joinedMuted = Voice.stateListing(w, voice.id(), alice);
            join(b, voice.id(), bob);
            a.send(new ClientMessage.UpdateVoiceState(false, null));
            JsonNode unmuted = b.await("voice_state_update", e -> ids(e, "muted").isEmpty());
            // The same state again changes nothing and sends nothing: the next state seen is the camera's.
            a.send(new ClientMessage.UpdateVoiceState(false, true));
            a.send(new ClientMessage.UpdateVoiceState(null, false));
            JsonNode next = w.await("voice_state_update", e -> ids(e, "muted").isEmpty());
            JsonNode cameraOff = w.await("voice_state_update", e -> true);

            assertThat(ids(joinedMuted, "muted")).containsExactly(alice.user().id());
            assertThat(ids(joinedMuted, "camera")).containsExactly(alice.user().id());
            assertThat(participants(unmuted)).containsExactly(alice.user().id(), bob.user().id());
            assertThat(ids(unmuted, "camera")).as("left out: unchanged").containsExactly(alice.user().id());
            assertThat(ids(next, "camera")).containsExactly(alice.user().id());
            assertThat(ids(cameraOff, "camera")).isEmpty();
            assertThat(ids(cameraOff, "muted")).isEmpty();
            assertThat(next.get("session_id")).isEqualTo(cameraOff.get("session_id"));
        }
    }

    @Test
    void onlyTheSessionInTheCallMayChangeItsState() {
        AuthTokens alice = server.users().register("mo.alice");
        AuthTokens bob = server.users().register("mo.bob");
        Channel voice = server.chat().voiceChannel(alice, "mo-voice", Visibility.PUBLIC);
        server.chat().join(bob, voice.id());
        try (WsClient a = WsClient.authenticated(server, alice.accessToken());
             WsClient otherTab = WsClient.authenticated(server, alice.accessToken());
             WsClient b = WsClient.authenticated(server, bob.accessToken())) {
            join(a, voice.id(), alice);
            otherTab.send(new ClientMessage.UpdateVoiceState(true, null));
            JsonNode fromOtherTab = error(otherTab, "not_in_call");
            b.send(new ClientMessage.UpdateVoiceState(true, null));
            JsonNode notInCall = error(b, "not_in_call");
            a.send(new ClientMessage.UpdateVoiceState(null, null));
            JsonNode empty = error(a, "validation_failed");
            a.send(new ClientMessage.UpdateVoiceState(true, null));

            assertThat(fromOtherTab.get("message").asText()).contains("join_voice from this session first");
            assertThat(notInCall.get("message").asText()).contains("join_voice");
            assertThat(empty.get("message").asText()).startsWith("muted: required");
            assertThat(ids(b.await("voice_state_update", e -> !ids(e, "muted").isEmpty()), "muted"))
                    .containsExactly(alice.user().id());
        }
    }

    @Test
    void aNewSessionLearnsTheCallsGoingOnInItsChannelsOnly() {
        AuthTokens alice = server.users().register("ns.alice");
        AuthTokens bob = server.users().register("ns.bob");
        AuthTokens stranger = server.users().register("ns.stranger");
        Channel voice = server.chat().voiceChannel(alice, "ns-voice", Visibility.PUBLIC);
        server.chat().join(bob, voice.id());
        try (WsClient a = WsClient.authenticated(server, alice.accessToken())) {
            a.send(new ClientMessage.JoinVoice(voice.id(), true, false));
            UUID call = UUID.fromString(Voice.stateListing(a, voice.id(), alice).get("session_id").asText());

            try (WsClient b = WsClient.authenticated(server, bob.accessToken());
                 WsClient s = WsClient.authenticated(server, stranger.accessToken())) {
                JsonNode known = b.await("voice_state_update", e -> isOf(e, voice.id()));
                s.send(new ClientMessage.Ping("after-the-snapshot"));
                s.await("pong");

                assertThat(known.get("session_id").asText()).isEqualTo(call.toString());
                assertThat(participants(known)).containsExactly(alice.user().id());
                assertThat(ids(known, "muted")).containsExactly(alice.user().id());
                assertThat(known.get("seq").asLong()).as("numbered, after authenticated").isGreaterThan(1);
                assertThat(s.seen()).as("a stranger learns nothing of the call")
                        .noneMatch(frame -> frame.path("type").asText().equals("voice_state_update"));
            }
        }
    }

    private static List<UUID> ids(JsonNode state, String field) {
        List<UUID> ids = new ArrayList<>();
        state.get(field).forEach(id -> ids.add(UUID.fromString(id.asText())));
        return ids;
    }
}
