package org.chatalot.server.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.chatalot.model.admin.AdminChannel;
import org.chatalot.model.admin.InstanceStats;
import org.chatalot.model.auth.AuthTokens;
import org.chatalot.model.channel.Channel;
import org.chatalot.model.channel.ChannelMember;
import org.chatalot.model.channel.ChannelRole;
import org.chatalot.model.channel.CreateChannelRequest;
import org.chatalot.model.channel.Visibility;
import org.chatalot.model.health.DetailedHealth;
import org.chatalot.model.ws.ClientMessage;
import org.chatalot.server.testing.TestServer;
import org.chatalot.server.testing.TestUsers;
import org.chatalot.server.testing.WsClient;
import org.chatalot.testing.Poll;

/** Statistics, the channel list with archive and delete, and the detailed health report, for admins. */
class InstanceOverviewIT {
    @RegisterExtension
    static TestServer server = TestServer.create();

    @Test
    void statsCountUsersOnlinePeopleAndTodaysMessages() {
        TestUsers users = server.users();
        AuthTokens talker = users.register("stats-talker");
        Channel channel = createChannel(talker, "stats-room", Visibility.PUBLIC);
        InstanceStats before = settled(InstanceOverviewIT::stats, InstanceStats::openSockets);
        try (WsClient socket = WsClient.authenticated(server, talker.accessToken())) {
            for (int i = 0; i < 3; i++) {
                socket.send(new ClientMessage.SendMessage(channel.id(), "hello " + i, null, null, null, "s" + i));
                socket.await("message_sent");
            }

            InstanceStats after = stats();

            assertThat(after.messagesTotal()).isEqualTo(before.messagesTotal() + 3);
            assertThat(after.messagesPerDay()).hasSize(30);
            assertThat(after.messagesPerDay().getLast().day()).isEqualTo(LocalDate.now(ZoneOffset.UTC));
            assertThat(after.messagesPerDay().getLast().count())
                    .isEqualTo(before.messagesPerDay().getLast().count() + 3);
            assertThat(after.onlineNow()).isEqualTo(before.onlineNow() + 1);
            assertThat(after.openSockets()).isEqualTo(before.openSockets() + 1);
            assertThat(after.usersActive()).isEqualTo(before.usersActive());
            assertThat(after.activeUsersPerDay()).hasSize(30);
            assertThat(after.activeUsersPerDay().getLast().count()).as("three messages, one new person")
                    .isEqualTo(before.activeUsersPerDay().getLast().count() + 1);
        }
    }

    @Test
    void adminsSeeTheMembersOfAPrivateChannelTheyAreNotIn() {
        TestUsers users = server.users();
        AuthTokens creator = users.register("members-keeper");
        AuthTokens guest = users.register("members-guest");
        Channel secret = createChannel(creator, "members-room", Visibility.PRIVATE);
        users.expect(201, users.post(creator.accessToken(), "/api/channels/" + secret.id() + "/members",
                Map.of("user_id", guest.user().id())), ChannelMember.class);

        ChannelMember[] members = users.expect(200, users.get(users.owner().accessToken(),
                "/api/admin/channels/" + secret.id() + "/members"), ChannelMember[].class);

        assertThat(members).extracting(m -> m.user().username(), ChannelMember::role).containsExactly(
                tuple("members-keeper", ChannelRole.OWNER), tuple("members-guest", ChannelRole.MEMBER));
        assertThat(users.get(guest.accessToken(), "/api/admin/channels/" + secret.id() + "/members").statusCode())
                .as("members only through the channel API").isEqualTo(403);
        assertThat(users.get(users.owner().accessToken(), "/api/admin/channels/" + UUID.randomUUID() + "/members")
                .statusCode()).isEqualTo(404);
    }

    @Test
    void adminsSeePrivateChannelsTheyAreNotInAndCanArchiveAndDeleteThem() {
        TestUsers users = server.users();
        AuthTokens creator = users.register("secret-keeper");
        Channel secret = createChannel(creator, "secret-room", Visibility.PRIVATE);
        String owner = users.owner().accessToken();

        AdminChannel listed = find(owner, secret.id());
        AdminChannel archived = users.expect(200, users.post(owner, "/api/admin/channels/" + secret.id() + "/archive",
                "{}"), AdminChannel.class);
        int wrongConfirmation = users.delete(owner, "/api/admin/channels/" + secret.id(),
                Map.of("confirm_channel_id", UUID.randomUUID())).statusCode();
        int deleted = users.delete(owner, "/api/admin/channels/" + secret.id(),
                Map.of("confirm_channel_id", secret.id())).statusCode();

        assertThat(listed.name()).isEqualTo("secret-room");
        assertThat(listed.memberCount()).isEqualTo(1);
        assertThat(archived.archivedAt()).isNotNull();
        assertThat(wrongConfirmation).isEqualTo(400);
        assertThat(deleted).isEqualTo(204);
        assertThat(users.get(creator.accessToken(), "/api/channels/" + secret.id()).statusCode()).isEqualTo(404);
        assertThat(users.expect(200, users.get(owner, "/api/admin/channels"), AdminChannel[].class))
                .extracting(AdminChannel::id).doesNotContain(secret.id());
    }

    @Test
    void detailedHealthReportsTheDatabaseTheMachineAndWhatIsGoingOn() {
        TestUsers users = server.users();
        AuthTokens talker = users.register("health-talker");
        Channel channel = createChannel(talker, "health-room", Visibility.PUBLIC);
        DetailedHealth before = settled(InstanceOverviewIT::detailedHealth, DetailedHealth::openSockets);
        DetailedHealth health;
        try (WsClient socket = WsClient.authenticated(server, talker.accessToken())) {
            for (int i = 0; i < 2; i++) {
                socket.send(new ClientMessage.SendMessage(channel.id(), "ping " + i, null, null, null, "h" + i));
                socket.await("message_sent");
            }
            health = detailedHealth();
        }

        assertThat(health.status()).isEqualTo("ok");
        assertThat(health.dbHealthy()).isTrue();
        assertThat(health.dbLatencyMs()).isPositive();
        assertThat(health.diskFreeBytes()).isPositive();
        assertThat(health.heapUsedBytes()).isPositive();
        assertThat(health.openSockets()).isEqualTo(before.openSockets() + 1);
        assertThat(health.realtimeSessions()).isEqualTo(before.realtimeSessions() + 1);
        assertThat(health.messagesLastMinute()).isEqualTo(before.messagesLastMinute() + 2);
        assertThat(health.findings()).as("nothing needs attention").isEmpty();
    }

    /**
     * The figures once the sockets of earlier tests are gone: the server lets go of a socket a moment after
     * its client closed it, and one going between "before" and "after" would spoil the difference.
     */
    private static <T> T settled(Supplier<T> read, ToLongFunction<T> openSockets) {
        AtomicReference<T> last = new AtomicReference<>();
        boolean settled = Poll.until(() -> {
            last.set(read.get());
            return openSockets.applyAsLong(last.get()) == 0;
        }, Duration.ofSeconds(30));
        assertThat(settled).as("sockets of earlier tests closed: %s", last.get()).isTrue();
        return last.get();
    }

    private static DetailedHealth detailedHealth() {
        TestUsers users = server.users();
        return users.expect(200, users.get(users.owner().accessToken(), "/api/admin/health"), DetailedHealth.class);
    }

    private static InstanceStats stats() {
        TestUsers users = server.users();
        return users.expect(200, users.get(users.owner().accessToken(), "/api/admin/stats"), InstanceStats.class);
    }

    private static AdminChannel find(String token, UUID id) {
        AdminChannel[] all = server.users().expect(200, server.users().get(token, "/api/admin/channels"),
                AdminChannel[].class);
        return java.util.Arrays.stream(all).filter(c -> c.id().equals(id)).findFirst().orElseThrow();
    }

    private static Channel createChannel(AuthTokens who, String name, Visibility visibility) {
        return server.users().expect(201, server.users().post(who.accessToken(), "/api/channels",
                new CreateChannelRequest(name, null, visibility, null)), Channel.class);
    }
}
