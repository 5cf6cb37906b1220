package org.chatalot.server.call;

import static org.assertj.core.api.Assertions.assertThat;
import static org.chatalot.server.call.Voice.error;
import static org.chatalot.server.call.Voice.join;

import java.time.Duration;
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

/** Offers, answers and candidates: relayed intact, to every socket of the target, and only inside one call. */
class CallRelayIT {
    private static final Duration QUIET = Duration.ofMillis(300);

    @RegisterExtension
    static TestServer server = TestServer.create();

    @Test
    void signalsReachEverySocketOfTheTargetNamingTheSender() {
        AuthTokens alice = server.users().register("ev.alice");
        AuthTokens bob = server.users().register("ev.bob");
        Channel voice = server.chat().voiceChannel(alice, "ev-voice", Visibility.PUBLIC);
        server.chat().join(bob, voice.id());
        try (WsClient a = WsClient.authenticated(server, alice.accessToken());
             WsClient bobInCall = WsClient.authenticated(server, bob.accessToken());
             WsClient bobElsewhere = WsClient.authenticated(server, bob.accessToken())) {
            UUID call = join(a, voice.id(), alice);
            join(bobInCall, voice.id(), bob);
            String sdp = "v=0\r\no=- 4611731400430051336 2 IN IP4 127.0.0.1\r\ns=-\r\n";

            a.send(new ClientMessage.RtcOffer(bob.user().id(), call, sdp));
            JsonNode offer = bobInCall.await("rtc_offer");
            JsonNode offerOnOtherSocket = bobElsewhere.await("rtc_offer");
            bobInCall.send(new ClientMessage.RtcAnswer(alice.user().id(), call, "v=0 answer"));
            bobInCall.send(new ClientMessage.RtcIceCandidate(alice.user().id(), call,
                    "{\"candidate\":\"candidate:1 1 udp 2122260223 127.0.0.1 50000 typ host\",\"sdpMid\":\"0\"}"));
            JsonNode answer = a.await("rtc_answer");
            JsonNode candidate = a.await("rtc_ice_candidate");

            assertThat(offer.get("sdp").asText()).as("opaque: byte for byte").isEqualTo(sdp);
            assertThat(offer.get("from_user_id").asText()).isEqualTo(alice.user().id().toString());
            assertThat(offer.get("session_id").asText()).isEqualTo(call.toString());
            assertThat(offerOnOtherSocket.get("sdp").asText()).isEqualTo(sdp);
            assertThat(answer.get("from_user_id").asText()).isEqualTo(bob.user().id().toString());
            assertThat(answer.get("sdp").asText()).isEqualTo("v=0 answer");
            assertThat(candidate.get("candidate").asText()).contains("typ host");
        }
    }

    @Test
    void signalsAreRelayedOnlyBetweenParticipantsOfTheSameCall() {
        AuthTokens alice = server.users().register("sc.alice");
        AuthTokens carol = server.users().register("sc.carol");
        AuthTokens dave = server.users().register("sc.dave");
        Channel here = server.chat().voiceChannel(alice, "sc-here", Visibility.PUBLIC);
        Channel there = server.chat().voiceChannel(carol, "sc-there", Visibility.PUBLIC);
        server.chat().join(carol, here.id());
        server.chat().join(dave, here.id());
        try (WsClient a = WsClient.authenticated(server, alice.accessToken());
             WsClient aliceNotJoined = WsClient.authenticated(server, alice.accessToken());
             WsClient c = WsClient.authenticated(server, carol.accessToken());
             WsClient d = WsClient.authenticated(server, dave.accessToken())) {
            UUID hereCall = join(a, here.id(), alice);
            UUID thereCall = join(c, there.id(), carol);

            a.send(new ClientMessage.RtcOffer(carol.user().id(), hereCall, "v=0"));
            JsonNode otherCall = error(a, "not_in_call");
            d.send(new ClientMessage.RtcOffer(alice.user().id(), hereCall, "v=0"));
            JsonNode notJoined = error(d, "not_in_call");
            c.send(new ClientMessage.RtcOffer(alice.user().id(), thereCall, "v=0"));
            JsonNode fromOtherCall = error(c, "not_in_call");
            a.send(new ClientMessage.RtcOffer(carol.user().id(), thereCall, "v=0"));
            JsonNode wrongSession = error(a, "not_in_call");
            aliceNotJoined.send(new ClientMessage.RtcIceCandidate(dave.user().id(), hereCall, "{}"));
            JsonNode otherSocket = error(aliceNotJoined, "not_in_call");
            a.send(new ClientMessage.RtcOffer(alice.user().id(), hereCall, "v=0"));
            JsonNode self = error(a, "validation_failed");

            assertThat(otherCall.get("message").asText()).isEqualTo("target_user_id: not in your call");
            assertThat(notJoined.get("message").asText()).contains("join_voice from this session first");
            assertThat(fromOtherCall.get("message").asText()).isEqualTo("target_user_id: not in your call");
            assertThat(wrongSession.get("message").asText()).isEqualTo("session_id: not the call you are in");
            assertThat(otherSocket.get("message").asText()).contains("join_voice from this session first");
            assertThat(self.get("message").asText()).startsWith("target_user_id:");
            c.expectNone("rtc_offer", QUIET);
            a.expectNone("rtc_offer", QUIET);
            d.expectNone("rtc_ice_candidate", QUIET);
        }
    }

    @Test
    void oversizedOrMissingPayloadsAreRefusedNamingTheField() {
        AuthTokens alice = server.users().register("sz.alice");
        AuthTokens bob = server.users().register("sz.bob");
        Channel voice = server.chat().voiceChannel(alice, "sz-voice", Visibility.PUBLIC);
        server.chat().join(bob, voice.id());
        try (WsClient a = WsClient.authenticated(server, alice.accessToken());
             WsClient b = WsClient.authenticated(server, bob.accessToken())) {
            UUID call = join(a, voice.id(), alice);
            join(b, voice.id(), bob);
            UUID target = bob.user().id();

            a.send(new ClientMessage.RtcOffer(target, call, "s".repeat(32 * 1024 + 1)));
            JsonNode sdpTooBig = error(a, "payload_too_large");
            // Fewer characters than the limit, more UTF-8 bytes: the limit is in bytes.
            a.send(new ClientMessage.RtcAnswer(target, call, "é".repeat(16 * 1024 + 1)));
            JsonNode wideTooBig = error(a, "payload_too_large");
            a.send(new ClientMessage.RtcIceCandidate(target, call, "c".repeat(2 * 1024 + 1)));
            JsonNode candidateTooBig = error(a, "payload_too_large");
            a.send(new ClientMessage.RtcOffer(target, call, null));
            JsonNode missing = error(a, "validation_failed");
            b.expectNone("rtc_offer", QUIET);
            a.send(new ClientMessage.RtcOffer(target, call, "s".repeat(32 * 1024)));
            a.send(new ClientMessage.RtcIceCandidate(target, call, "c".repeat(2 * 1024)));

            assertThat(sdpTooBig.get("message").asText()).isEqualTo("sdp: at most 32768 bytes");
            assertThat(wideTooBig.get("message").asText()).isEqualTo("sdp: at most 32768 bytes");
            assertThat(candidateTooBig.get("message").asText()).isEqualTo("candidate: at most 2048 bytes");
            assertThat(missing.get("message").asText()).isEqualTo("sdp: required");
            assertThat(b.await("rtc_offer").get("sdp").asText()).as("exactly at the limit").hasSize(32 * 1024);
            assertThat(b.await("rtc_ice_candidate").get("candidate").asText()).hasSize(2 * 1024);
        }
    }
}
