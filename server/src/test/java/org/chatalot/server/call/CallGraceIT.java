package org.chatalot.server.call;

import static org.assertj.core.api.Assertions.assertThat;
import static org.chatalot.server.call.Voice.isAbout;
import static org.chatalot.server.call.Voice.join;
import static org.chatalot.server.call.Voice.participants;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.chatalot.model.auth.AuthTokens;
import org.chatalot.model.channel.Channel;
import org.chatalot.model.channel.Visibility;
import org.chatalot.model.ws.ClientMessage;
import org.chatalot.server.testing.TestServer;
import org.chatalot.server.testing.WsClient;

/** What a lost connection does to a call: the 15 s grace, a resume that keeps the place, and signing out. */
class CallGraceIT {
    @RegisterExtension
    static TestServer server = TestServer.create();

    @Test
    void aDroppedParticipantLeavesAfterTheGraceWhileOneWhoResumesStays() {
        AuthTokens alice = server.users().register("gr.alice");
        AuthTokens gone = server.users().register("gr.gone");
        AuthTokens back = server.users().register("gr.back");
        Channel voice = server.chat().voiceChannel(alice, "gr-voice", Visibility.PUBLIC);
        server.chat().join(gone, voice.id());
        server.chat().join(back, voice.id());
        try (WsClient a = WsClient.authenticated(server, alice.accessToken())) {
            UUID call = join(a, voice.id(), alice);
            WsClient goneSocket = WsClient.authenticated(server, gone.accessToken());
            join(goneSocket, voice.id(), gone);
            WsClient lostSocket = WsClient.authenticated(server, back.accessToken());
            join(lostSocket, voice.id(), back);
            UUID backSession = UUID.fromString(lostSocket.seen().getFirst().get("session_id").asText());
            long lastSeq = Voice.lastSeq(lostSocket);

            long droppedAt = System.nanoTime();
            goneSocket.abort();
            lostSocket.abort();
            try (WsClient resumed = WsClient.connect(server)) {
                resumed.send(new ClientMessage.Resume(back.accessToken(), backSession, lastSeq));
                resumed.await("resumed");
                JsonNode left = a.await("user_left_voice", e -> isAbout(e, gone), Duration.ofSeconds(60));
                long graceMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - droppedAt);
                JsonNode state = a.await("voice_state_update", e -> !participants(e).contains(gone.user().id()));
                resumed.send(new ClientMessage.RtcOffer(alice.user().id(), call, "v=0 after resume"));

                assertThat(left.get("reason").asText()).isEqualTo("disconnected");
                // The grace starts when the server notices the drop, after droppedAt: never early, so this
                // bound cannot flake; how late the once-a-second sweep and a busy machine make it is not the point.
                assertThat(graceMillis).as("removed after the 15 s grace, not before").isGreaterThanOrEqualTo(
                        TimeUnit.NANOSECONDS.toMillis(CallService.GRACE_NANOS));
                assertThat(participants(state)).containsExactly(alice.user().id(), back.user().id());
                assertThat(a.await("rtc_offer").get("from_user_id").asText())
                        .as("the resumed session is still the participant").isEqualTo(back.user().id().toString());
                a.expectNone("user_left_voice", Duration.ofMillis(300));
            }
        }
    }

    @Test
    void signingOutEndsParticipationAtOnce() {
        AuthTokens alice = server.users().register("so.alice");
        AuthTokens bob = server.users().register("so.bob");
        Channel voice = server.chat().voiceChannel(alice, "so-voice", Visibility.PUBLIC);
        server.chat().join(bob, voice.id());
        try (WsClient a = WsClient.authenticated(server, alice.accessToken());
             WsClient b = WsClient.authenticated(server, bob.accessToken())) {
            join(a, voice.id(), alice);
            join(b, voice.id(), bob);
            server.users().post(bob.accessToken(), "/api/auth/logout", "{}");
            JsonNode left = a.await("user_left_voice", e -> isAbout(e, bob));

            // "signed_out", not "disconnected": the sign-out itself ended the participation, not the grace's end.
            assertThat(left.get("reason").asText()).isEqualTo("signed_out");
        }
    }
}
