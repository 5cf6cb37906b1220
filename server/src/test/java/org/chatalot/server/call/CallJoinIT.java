package org.chatalot.server.call;

import static org.assertj.core.api.Assertions.assertThat;
import static org.chatalot.server.call.Voice.error;
import static org.chatalot.server.call.Voice.isAbout;
import static org.chatalot.server.call.Voice.isOf;
import static org.chatalot.server.call.Voice.join;
import static org.chatalot.server.call.Voice.participants;

import java.time.Duration;
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

/** Who may be in a call, how many, how often they may come and go, and how membership ends it. */
class CallJoinIT {
    private static final Duration QUIET = Duration.ofMillis(300);

    @RegisterExtension
    static TestServer server = TestServer.create();

    @Test
    void joinsAndLeavesAreAnnouncedToTheChannelsMembersInOrder() {
        AuthTokens alice = server.users().register("jl.alice");
        AuthTokens bob = server.users().register("jl.bob");
        AuthTokens watcher = server.users().register("jl.watcher");
        Channel voice = server.chat().voiceChannel(alice, "jl-voice", Visibility.PUBLIC);
        server.chat().join(bob, voice.id());
        server.chat().join(watcher, voice.id());
        try (WsClient a = WsClient.authenticated(server, alice.accessToken());
             WsClient b = WsClient.authenticated(server, bob.accessToken());
             WsClient w = WsClient.authenticated(server, watcher.accessToken())) {
            UUID call = join(a, voice.id(), alice);
            assertThat(join(b, voice.id(), bob)).as("one call per channel").isEqualTo(call);
            JsonNode joined = w.await("user_joined_voice", e -> isAbout(e, bob));
            JsonNode both = w.await("voice_state_update", e -> participants(e).size() == 2);

            b.send(new ClientMessage.LeaveVoice());
            JsonNode left = a.await("user_left_voice", e -> isAbout(e, bob));
            JsonNode afterLeave = a.await("voice_state_update", e -> participants(e).size() == 1);
            a.send(new ClientMessage.LeaveVoice());
            JsonNode ended = w.await("voice_state_update", e -> participants(e).isEmpty());

            assertThat(isOf(joined, voice.id())).isTrue();
            assertThat(participants(both)).containsExactly(alice.user().id(), bob.user().id());
            assertThat(both.get("session_id").asText()).isEqualTo(call.toString());
            assertThat(left.get("reason").asText()).isEqualTo("left");
            assertThat(participants(afterLeave)).containsExactly(alice.user().id());
            assertThat(ended.get("session_id").isNull()).as("no call left, so no session").isTrue();
        }
    }

    @Test
    void strangersNonMembersAndTextChannelsAreRefused() {
        AuthTokens owner = server.users().register("sr.owner");
        AuthTokens stranger = server.users().register("sr.stranger");
        Channel secret = server.chat().voiceChannel(owner, "sr-secret", Visibility.PRIVATE);
        Channel open = server.chat().voiceChannel(owner, "sr-open", Visibility.PUBLIC);
        Channel text = server.chat().publicChannel(owner, "sr-text");
        server.chat().join(stranger, text.id());
        try (WsClient o = WsClient.authenticated(server, owner.accessToken());
             WsClient s = WsClient.authenticated(server, stranger.accessToken())) {
            s.send(new ClientMessage.JoinVoice(secret.id()));
            JsonNode hidden = error(s, "not_found");
            s.send(new ClientMessage.JoinVoice(open.id()));
            JsonNode notMember = error(s, "not_member");
            s.send(new ClientMessage.JoinVoice(text.id()));
            JsonNode notVoice = error(s, "validation_failed");
            s.send(new ClientMessage.JoinVoice(null));
            JsonNode missing = error(s, "validation_failed");

            assertThat(hidden.get("message").asText()).doesNotContain("sr-secret");
            assertThat(notMember.get("message").asText()).contains("join the channel first");
            assertThat(notVoice.get("message").asText()).isEqualTo("channel_id: not a voice channel");
            assertThat(missing.get("message").asText()).isEqualTo("channel_id: required");
            o.expectNone("user_joined_voice", QUIET);
        }
    }

    @Test
    void theTwentySixthParticipantGetsVoiceFull() {
        AuthTokens owner = server.users().register("cap.owner");
        Channel voice = server.chat().voiceChannel(owner, "cap-voice", Visibility.PUBLIC);
        List<WsClient> sockets = new ArrayList<>();
        try {
            WsClient first = WsClient.authenticated(server, owner.accessToken());
            sockets.add(first);
            join(first, voice.id(), owner);
            for (int i = 2; i <= CallService.MAX_PARTICIPANTS; i++) {
                AuthTokens user = server.users().register("cap.user" + i);
                server.chat().join(user, voice.id());
                WsClient socket = WsClient.authenticated(server, user.accessToken());
                sockets.add(socket);
                join(socket, voice.id(), user);
            }
            AuthTokens late = server.users().register("cap.late");
            server.chat().join(late, voice.id());
            WsClient lateSocket = WsClient.authenticated(server, late.accessToken());
            sockets.add(lateSocket);
            lateSocket.send(new ClientMessage.JoinVoice(voice.id()));

            JsonNode full = error(lateSocket, "voice_full");

            assertThat(full.get("message").asText()).contains("25 participants");
            assertThat(participants(first.await("voice_state_update", e -> participants(e).size() == 25)))
                    .hasSize(CallService.MAX_PARTICIPANTS).doesNotContain(late.user().id());
            first.expectNone("user_joined_voice", QUIET);
        } finally {
            sockets.forEach(WsClient::close);
        }
    }

    @Test
    void aJoinWithinTwoSecondsOfAJoinOrLeaveIsRefusedButLeavingNeverIs() {
        AuthTokens user = server.users().register("cd.user");
        AuthTokens watcher = server.users().register("cd.watcher");
        Channel first = server.chat().voiceChannel(user, "cd-first", Visibility.PUBLIC);
        Channel second = server.chat().voiceChannel(user, "cd-second", Visibility.PUBLIC);
        server.chat().join(watcher, second.id());
        try (WsClient u = WsClient.authenticated(server, user.accessToken());
             WsClient w = WsClient.authenticated(server, watcher.accessToken())) {
            join(u, first.id(), user);
            u.send(new ClientMessage.JoinVoice(second.id()));
            JsonNode afterJoin = error(u, "voice_cooldown");
            u.send(new ClientMessage.LeaveVoice());
            u.await("user_left_voice", e -> isAbout(e, user));
            u.send(new ClientMessage.JoinVoice(second.id()));
            JsonNode afterLeave = error(u, "voice_cooldown");
            // The refused joins must not have happened: nothing for the watcher during the rest of the cooldown.
            w.expectNone("user_joined_voice", Duration.ofMillis(2100));
            UUID call = join(u, second.id(), user);

            assertThat(afterJoin.get("message").asText()).contains("ms");
            assertThat(afterLeave.get("message").asText()).contains("one join per 2 seconds");
            assertThat(call).isNotNull();
            assertThat(w.await("user_joined_voice", e -> isAbout(e, user))).isNotNull();
        }
    }

    @Test
    void leavingOrBeingRemovedFromTheChannelEndsParticipationAtOnce() {
        AuthTokens owner = server.users().register("rm.owner");
        AuthTokens removed = server.users().register("rm.removed");
        AuthTokens leaver = server.users().register("rm.leaver");
        Channel voice = server.chat().voiceChannel(owner, "rm-voice", Visibility.PRIVATE);
        server.chat().add(owner, voice.id(), removed.user().id());
        server.chat().add(owner, voice.id(), leaver.user().id());
        try (WsClient o = WsClient.authenticated(server, owner.accessToken());
             WsClient r = WsClient.authenticated(server, removed.accessToken());
             WsClient l = WsClient.authenticated(server, leaver.accessToken())) {
            UUID call = join(o, voice.id(), owner);
            join(r, voice.id(), removed);
            join(l, voice.id(), leaver);

            server.users().delete(owner.accessToken(), "/api/channels/" + voice.id() + "/members/"
                    + removed.user().id());
            JsonNode removal = o.await("user_left_voice", e -> isAbout(e, removed));
            JsonNode toldRemoved = r.await("user_left_voice", e -> isAbout(e, removed));
            server.users().post(leaver.accessToken(), "/api/channels/" + voice.id() + "/leave", "{}");
            JsonNode leaving = o.await("user_left_voice", e -> isAbout(e, leaver));
            r.send(new ClientMessage.RtcOffer(owner.user().id(), call, "v=0"));

            assertThat(removal.get("reason").asText()).isEqualTo("removed");
            assertThat(toldRemoved.get("reason").asText()).isEqualTo("removed");
            assertThat(leaving.get("reason").asText()).isEqualTo("removed");
            assertThat(error(r, "not_in_call")).isNotNull();
            assertThat(participants(o.await("voice_state_update", e -> participants(e).size() == 1)))
                    .containsExactly(owner.user().id());
            o.expectNone("rtc_offer", QUIET);
        }
    }
}
