package org.chatalot.server.realtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import org.chatalot.model.ws.ServerMessage;
import org.chatalot.server.channel.Memberships;
import org.chatalot.server.common.RealtimeSessionId;
import org.chatalot.server.http.Json;

/**
 * Who an event reaches, counted by each session's own numbering (the sessions here have no socket: what they
 * are given is numbered and kept for a resume, which is what the count shows).
 */
class DeliveryTest {
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final SessionRegistry sessions = new SessionRegistry(meters);
    private final Memberships memberships = new Memberships();
    private final Delivery delivery = new Delivery(sessions, memberships, new Frames(new Json()), meters);
    private final UUID channel = UUID.randomUUID();
    private final UUID sender = UUID.randomUUID();
    private final UUID reader = UUID.randomUUID();
    private final RealtimeSession sendingTab = session(sender);
    private final RealtimeSession otherTab = session(sender);
    private final RealtimeSession readerTab = session(reader);
    private final ServerMessage event = new ServerMessage.Pong("n");

    @Test
    void aChannelEventReachesEverySessionOfEveryMember() {
        memberships.add(channel, sender);
        memberships.add(channel, reader);
        RealtimeSession outsider = session(UUID.randomUUID());

        delivery.toChannel(channel, event);

        assertThat(sendingTab.lastSeq()).isEqualTo(1);
        assertThat(otherTab.lastSeq()).isEqualTo(1);
        assertThat(readerTab.lastSeq()).isEqualTo(1);
        assertThat(outsider.lastSeq()).as("not a member").isZero();
    }

    @Test
    void theSessionAnEventCameFromDoesNotHearItButTheSendersOtherSessionsDo() {
        memberships.add(channel, sender);
        memberships.add(channel, reader);

        delivery.toChannel(channel, event, sendingTab.id());

        assertThat(sendingTab.lastSeq()).isZero();
        assertThat(otherTab.lastSeq()).isEqualTo(1);
        assertThat(readerTab.lastSeq()).isEqualTo(1);
    }

    @Test
    void anEventForOneSessionReachesOnlyItAndOneThatEndedIsNotAnError() {
        delivery.toSession(otherTab.id(), event);
        delivery.toSession(new RealtimeSessionId(UUID.randomUUID()), event);

        assertThat(otherTab.lastSeq()).isEqualTo(1);
        assertThat(sendingTab.lastSeq()).isZero();
        assertThat(readerTab.lastSeq()).isZero();
    }

    @Test
    void aUserEventReachesEachOfTheirSessions() {
        delivery.toUser(sender, event);

        assertThat(sendingTab.lastSeq()).isEqualTo(1);
        assertThat(otherTab.lastSeq()).isEqualTo(1);
        assertThat(readerTab.lastSeq()).isZero();
    }

    @Test
    void newsAboutAPersonReachesThemAndEachPeerOnceHoweverManyChannelsTheyShareAndNoOneElse() {
        UUID otherChannel = UUID.randomUUID();
        memberships.add(channel, sender);
        memberships.add(channel, reader);
        memberships.add(otherChannel, sender);
        memberships.add(otherChannel, reader);
        UUID stranger = UUID.randomUUID();
        memberships.add(UUID.randomUUID(), stranger);
        RealtimeSession strangerTab = session(stranger);

        delivery.toUserAndPeers(sender, event);

        assertThat(sendingTab.lastSeq()).isEqualTo(1);
        assertThat(otherTab.lastSeq()).isEqualTo(1);
        assertThat(readerTab.lastSeq()).as("two shared channels, one event").isEqualTo(1);
        assertThat(strangerTab.lastSeq()).as("shares no channel").isZero();
    }

    private RealtimeSession session(UUID userId) {
        RealtimeSession session = new RealtimeSession(new RealtimeSessionId(UUID.randomUUID()), userId,
                UUID.randomUUID());
        sessions.add(session);
        return session;
    }
}
