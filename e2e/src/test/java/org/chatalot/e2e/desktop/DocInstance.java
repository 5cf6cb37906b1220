package org.chatalot.e2e.desktop;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import org.chatalot.admin.api.AdminApi;
import org.chatalot.admin.api.UserAction;
import org.chatalot.admin.api.UserQuery;
import org.chatalot.model.admin.BackupScheduleView;
import org.chatalot.model.admin.CreateInviteRequest;
import org.chatalot.model.admin.CreateUserRequest;
import org.chatalot.model.admin.Invite;
import org.chatalot.model.auth.AuthTokens;
import org.chatalot.model.auth.RegisterRequest;
import org.chatalot.model.channel.Channel;
import org.chatalot.model.file.FileInfo;
import org.chatalot.model.message.SendMessageRequest;
import org.chatalot.model.user.Role;
import org.chatalot.server.backup.ScheduledBackups;
import org.chatalot.server.testing.FileClient;
import org.chatalot.server.testing.MutableClock;
import org.chatalot.server.testing.TestServer;
import org.chatalot.server.testing.TestUsers;

/**
 * The instance the screenshots show: a team of 28 that chatted for a month (the server's clock is moved a day at
 * a time, and every message, upload and scheduled backup goes through the real API and the server's own jobs),
 * then the usual admin business of today: an admin, a suspension, people with 2FA, invites, a manual backup.
 */
final class DocInstance {
    private static final String[][] PEOPLE = {{"alice", "Alice Martin"}, {"bob", "Bob Chen"},
        {"carol", "Carol Diaz"}, {"dave", "Dave Okafor"}, {"erin", "Erin Walsh"}, {"frank", "Frank Müller"},
        {"grace", "Grace Liu"}, {"heidi", "Heidi Berg"}, {"ivan", "Ivan Petrov"}, {"judy", "Judy Alvarez"},
        {"mallory", "Mallory Stone"}, {"niaj", "Niaj Haddad"}, {"olivia", "Olivia Brown"}, {"peggy", "Peggy Ruiz"},
        {"rupert", "Rupert Hale"}, {"sybil", "Sybil Kerr"}, {"trent", "Trent Novak"}, {"uma", "Uma Singh"},
        {"victor", "Victor Lemaire"}, {"walter", "Walter Kim"}, {"xena", "Xena Papadopoulos"},
        {"yara", "Yara Haddad"}, {"zoe", "Zoe Fischer"}, {"arthur", "Arthur Pym"}, {"beatrice", "Beatrice Moreau"},
        {"cedric", "Cedric Obi"}, {"delia", "Delia Santos"}};
    private static final String[] LINES = {"Morning all!", "Has anyone seen the new build?", "Lunch at 12:30?",
        "The deploy went fine.", "I'll review it after the stand-up.", "Can someone restart the test runner?",
        "Thanks, that fixed it.", "Notes from the meeting are in the doc.", "Who's on call this weekend?",
        "Looks good to me.", "Pushed a fix for the login bug.", "Coffee machine is back!"};
    private static final int DAYS = 29;

    private final TestServer server;
    private final MutableClock clock;
    private final RealServer real;
    private final Random random = new Random(17);

    DocInstance(TestServer server, MutableClock clock) {
        this.server = server;
        this.clock = clock;
        this.real = new RealServer(server);
    }

    void live() throws Exception {
        AdminApi owner = real.signIn("owner").api();
        for (String[] person : PEOPLE) {
            owner.createUser(new CreateUserRequest(person[0], person[1], person[0] + "@example.com",
                    TestUsers.PASSWORD, person[0].equals("alice") ? Role.ADMIN : Role.MEMBER));
        }
        List<Channel> rooms = channels();
        for (int day = 1; day <= DAYS; day++) {
            clock.advance(Duration.ofDays(1));
            chat(day, rooms);
            if (day == 18) {
                uploads(rooms.get(2));
            }
            if (day == DAYS - 4) {
                real.signIn("owner").api().saveBackupSchedule(BackupScheduleView.change(true, "03:00", "UTC", 7));
            }
            server.server().runHousekeeping(ScheduledBackups.TASK);
        }
        Duration toNow = Duration.between(clock.instant(), Instant.now());
        if (!toNow.isNegative()) {
            clock.advance(toNow);
        }
        // today's scheduled backup, now rather than whenever the minute timer comes round (a manual backup
        // started while it runs would be refused with backup_in_progress, as it should)
        server.server().runHousekeeping(ScheduledBackups.TASK);
        today(rooms);
    }

    /** #general and #random for everyone, #design for some, #support private, #old-project to be archived. */
    private List<Channel> channels() {
        AuthTokens owner = login("owner");
        List<Channel> rooms = List.of(server.chat().publicChannel(owner, "general"),
                server.chat().publicChannel(owner, "random"), server.chat().publicChannel(owner, "design"),
                server.chat().privateChannel(owner, "support"), server.chat().publicChannel(owner, "old-project"));
        for (String[] person : PEOPLE) {
            AuthTokens member = login(person[0]);
            server.chat().join(member, rooms.get(0).id());
            server.chat().join(member, rooms.get(1).id());
            if (random.nextInt(3) == 0) {
                server.chat().join(member, rooms.get(2).id());
            }
            if (random.nextInt(4) == 0) {
                server.chat().join(member, rooms.get(4).id());
            }
        }
        for (String helper : new String[] {"alice", "dave", "erin"}) {
            server.chat().add(owner, rooms.get(3).id(), login(helper).user().id());
        }
        return rooms;
    }

    /** Fewer people at weekends, more mid-week; each says a few things in #general or #random. */
    private void chat(int day, List<Channel> rooms) {
        int weekday = (int) (clock.instant().getEpochSecond() / 86_400 + 4) % 7;
        int people = weekday >= 5 ? 2 + random.nextInt(3) : 7 + random.nextInt(8) + day / 6;
        for (int i = 0; i < people; i++) {
            AuthTokens who = login(PEOPLE[random.nextInt(PEOPLE.length)][0]);
            for (int n = 1 + random.nextInt(5); n > 0; n--) {
                Channel room = rooms.get(random.nextInt(4) == 0 ? 1 : 0);
                server.chat().send(who, room.id(), LINES[random.nextInt(LINES.length)]);
            }
        }
    }

    /** Designs shared in #design: what the storage chart shows. */
    private void uploads(Channel design) {
        FileClient files = new FileClient(server);
        String[] sharers = {"alice", "frank", "grace", "ivan", "olivia", "uma"};
        for (int i = 0; i < sharers.length; i++) {
            AuthTokens who = login(sharers[i]);
            // 200, or 409 for those who joined #design already
            server.users().post(who.accessToken(), "/api/channels/" + design.id() + "/join", "{}");
            for (int n = 0; n <= i % 3; n++) {
                FileInfo file = files.uploaded(who.accessToken(), "mockup-" + i + "-" + n + ".bin",
                        FileClient.randomBytes((1 + (i * 7 + n * 3) % 9) << 20, i * 31L + n));
                server.users().expect(201, server.users().post(who.accessToken(), "/api/channels/" + design.id()
                        + "/messages", new SendMessageRequest("New mockup", null, null, List.of(file.id()))),
                        Object.class);
            }
        }
    }

    /** What an admin finds this morning: 2FA for some, an admin's suspension, invites, a manual backup. */
    private void today(List<Channel> rooms) throws Exception {
        AdminApi owner = real.signIn("owner").api();
        for (String name : new String[] {"alice", "dave", "erin", "grace", "judy", "olivia", "uma", "zoe"}) {
            login(name);
        }
        for (String name : new String[] {"grace", "olivia", "zoe"}) {
            real.enableTotp(login(name));
        }
        AdminApi admin = real.signIn("alice").api();
        admin.act(id(owner, "carol"), UserAction.SUSPEND, "Repeated spam in #general");
        owner.createInvite(new CreateInviteRequest(10, 24 * 14));
        Invite single = owner.createInvite(new CreateInviteRequest(1, 48));
        server.users().post(null, "/api/auth/register", new RegisterRequest("hana", "Hana Sato", null,
                TestUsers.PASSWORD, single.code(), null));
        owner.revokeInvite(owner.createInvite(new CreateInviteRequest(5, null)).code());
        owner.archiveChannel(rooms.get(4).id(), true);
        server.chat().dm(login("dave"), id(owner, "erin"));
        owner.createBackup();
    }

    private static UUID id(AdminApi api, String username) throws Exception {
        return api.users(UserQuery.firstPage(100)).users().stream().filter(u -> u.username().equals(username))
                .findFirst().orElseThrow().id();
    }

    private AuthTokens login(String username) {
        return server.users().login(username, TestUsers.PASSWORD);
    }
}
