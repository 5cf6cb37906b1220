package org.chatalot.e2e.desktop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.zip.ZipInputStream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import org.chatalot.admin.api.JsonCodec;
import org.chatalot.admin.api.ServerConnection;
import org.chatalot.admin.api.UserAction;
import org.chatalot.admin.api.UserQuery;
import org.chatalot.admin.audit.AuditActions;
import org.chatalot.admin.audit.AuditViewModel;
import org.chatalot.admin.audit.ExportFormat;
import org.chatalot.admin.backups.BackupsViewModel;
import org.chatalot.admin.channels.ChannelsViewModel;
import org.chatalot.admin.health.HealthViewModel;
import org.chatalot.admin.invites.InvitesViewModel;
import org.chatalot.admin.settings.SettingsViewModel;
import org.chatalot.admin.stats.StatsViewModel;
import org.chatalot.admin.testing.ImmediateTaskRunner;
import org.chatalot.admin.testing.ManualTicker;
import org.chatalot.model.admin.AdminChannel;
import org.chatalot.model.admin.AuditEvent;
import org.chatalot.model.admin.BackupInfo;
import org.chatalot.model.admin.BackupScheduleView;
import org.chatalot.model.admin.InstanceStats;
import org.chatalot.model.admin.Invite;
import org.chatalot.model.admin.RequestDiagnostics;
import org.chatalot.model.auth.AuthConfig;
import org.chatalot.model.auth.AuthTokens;
import org.chatalot.model.auth.RegisterRequest;
import org.chatalot.model.auth.RegistrationMode;
import org.chatalot.model.channel.Channel;
import org.chatalot.model.health.DetailedHealth;
import org.chatalot.model.message.SendMessageRequest;
import org.chatalot.server.testing.TestServer;
import org.chatalot.server.testing.TestUsers;

/**
 * The admin app's instance screens against the real server: invites, audit log and its exports, settings,
 * statistics, backups, health and request diagnostics, each checked by what the server then does.
 */
class InstanceAdminAgainstServerIT {
    @RegisterExtension
    static TestServer server = TestServer.create();

    private static ServerConnection owner;
    private final ImmediateTaskRunner runner = new ImmediateTaskRunner();

    @BeforeAll
    static void signIn() throws Exception {
        owner = new RealServer(server).signIn("owner");
    }

    private static int register(String username, String invite) {
        return server.users().post(null, "/api/auth/register", new RegisterRequest(username, null, null,
                TestUsers.PASSWORD, invite, null)).statusCode();
    }

    @Test
    void anInviteFromTheInvitesScreenRegistersOneMemberThenStops() {
        InvitesViewModel invites = new InvitesViewModel(runner, owner::api, () -> owner.profile().url());
        invites.create(1, 24);
        assertThat(invites.errorProperty().get()).isEmpty();
        String link = invites.lastLinkProperty().get();
        String code = link.substring(link.indexOf("?invite=") + "?invite=".length());
        assertThat(link).startsWith(server.server().baseUri().toString());

        assertThat(register("invited.one", code)).isEqualTo(201);
        assertThat(register("invited.two", code)).as("no uses left").isEqualTo(400);
        invites.load();
        Invite used = invites.invites().stream().filter(i -> i.code().equals(code)).findFirst().orElseThrow();
        assertThat(used.uses()).isEqualTo(1);
        assertThat(used.usable()).isFalse();

        invites.create(null, null);
        String revoked = invites.invites().get(0).code();
        invites.revoke(invites.invites().get(0));
        assertThat(register("invited.three", revoked)).as("revoked").isEqualTo(400);
    }

    @Test
    void theAuditLogShowsTheActionAndBothExportsContainIt(@TempDir Path dir) throws Exception {
        AuthTokens member = server.users().register("audited.member");
        owner.api().act(member.user().id(), UserAction.SUSPEND, "audit me");
        AuditViewModel audit = new AuditViewModel(runner, owner::api);
        audit.actionProperty().set("admin.user_suspended");
        audit.targetIdProperty().set(member.user().id().toString());
        audit.load();
        assertThat(audit.errorProperty().get()).isEmpty();
        assertThat(audit.entries()).singleElement().satisfies(entry -> {
            assertThat(entry.actorName()).isEqualTo("owner");
            assertThat(entry.targetName()).isEqualTo("audited.member");
            assertThat(entry.details()).containsEntry("reason", "audit me");
            assertThat(entry.userAgent()).isEqualTo("chatalot-admin");
        });

        Path csv = dir.resolve("audit.csv");
        audit.export(ExportFormat.CSV, csv);
        assertThat(audit.messageProperty().get()).startsWith("Exported the audit log to audit.csv");
        List<String> lines = Files.readAllLines(csv);
        assertThat(lines.get(0)).isEqualTo("id,at,actor_id,actor_name,action,target_type,target_id,target_name,ip,"
                + "user_agent,details");
        assertThat(lines).hasSize(2);
        assertThat(lines.get(1)).contains("admin.user_suspended", "audited.member");

        Path json = dir.resolve("audit.json");
        audit.export(ExportFormat.JSON, json);
        AuditEvent[] exported = new JsonCodec().read(Files.readAllBytes(json), AuditEvent[].class);
        assertThat(exported).singleElement().extracting(AuditEvent::targetName).isEqualTo("audited.member");

        audit.actionProperty().set("audit.exported");
        audit.targetIdProperty().set("");
        audit.load();
        assertThat(audit.entries()).extracting(e -> e.details().get("format")).containsExactly("json", "csv");
    }

    @Test
    void settingsSavedOnTheScreenChangeWhatTheServerDoes() throws Exception {
        SettingsViewModel settings = new SettingsViewModel(runner, owner::api);
        settings.load();
        assertThat(settings.registrationModeProperty().get()).isEqualTo(RegistrationMode.INVITE_ONLY);
        assertThat(register("no.invite", null)).as("invite-only").isEqualTo(400);

        settings.registrationModeProperty().set(RegistrationMode.OPEN);
        settings.maxFileSizeMbProperty().set(50);
        settings.save();
        assertThat(settings.messageProperty().get()).isEqualTo("Settings saved");
        AuthConfig config = server.read(server.get("/api/auth/config"), AuthConfig.class);
        assertThat(config.registrationMode()).isEqualTo(RegistrationMode.OPEN);
        assertThat(config.maxFileSizeMb()).isEqualTo(50);
        assertThat(register("no.invite", null)).isEqualTo(201);

        settings.maxFileSizeMbProperty().set(100_000);
        settings.save();
        assertThat(settings.errorProperty().get()).startsWith("max_file_size_mb: must be 1-");
        settings.revert();
        settings.registrationModeProperty().set(RegistrationMode.INVITE_ONLY);
        settings.maxFileSizeMbProperty().set(100);
        settings.save();
        assertThat(server.read(server.get("/api/auth/config"), AuthConfig.class).registrationMode())
                .isEqualTo(RegistrationMode.INVITE_ONLY);
    }

    @Test
    void statisticsCountTheAccountsTheUsersScreenLists() throws Exception {
        AuthTokens member = server.users().register("counted.member");
        InstanceStats before = owner.api().stats();
        owner.api().act(member.user().id(), UserAction.SUSPEND, "counting");
        InstanceStats after = owner.api().stats();
        assertThat(after.usersSuspended()).isEqualTo(before.usersSuspended() + 1);
        assertThat(after.usersTotal()).isEqualTo(owner.api().users(UserQuery.firstPage(1)).total());
        assertThat(after.messagesPerDay()).hasSize(30);
    }

    @Test
    void aBackupMadeFromTheScreenIsListedDownloadedAsAZipAndDeleted(@TempDir Path dir) throws Exception {
        BackupsViewModel backups = new BackupsViewModel(runner, owner::api);
        backups.create();
        assertThat(backups.errorProperty().get()).isEmpty();
        assertThat(backups.backups()).hasSize(1);
        BackupInfo made = backups.backups().get(0);
        assertThat(made.name()).startsWith("chatalot-backup-").endsWith(".zip");

        Path target = dir.resolve("backup.zip");
        backups.download(made, target);
        assertThat(backups.errorProperty().get()).isEmpty();
        assertThat(Files.size(target)).isEqualTo(made.sizeBytes());
        try (InputStream in = Files.newInputStream(target); ZipInputStream zip = new ZipInputStream(in)) {
            assertThat(zip.getNextEntry()).isNotNull();
        }

        server.users().admin("backup.admin");
        ServerConnection admin = new RealServer(server).signIn("backup.admin");
        BackupsViewModel asAdmin = new BackupsViewModel(runner, admin::api);
        asAdmin.load();
        asAdmin.download(made, dir.resolve("refused.zip"));
        assertThat(asAdmin.errorProperty().get()).isEqualTo("this needs the owner role");
        assertThat(dir.resolve("refused.zip")).doesNotExist();

        backups.delete(made);
        assertThat(backups.backups()).isEmpty();
    }

    @Test
    void healthDetailedHealthAndDiagnosticsDescribeTheRealServer() throws Exception {
        HealthViewModel health = new HealthViewModel(runner, owner::api, owner::health, new ManualTicker(),
                Clock.systemUTC());
        health.poll();
        assertThat(health.tiles().server().valueProperty().get()).isEqualTo("Up");
        assertThat(health.tiles().disk().valueProperty().get()).endsWith("%)");
        assertThat(health.tiles().sockets().valueProperty().get()).matches("\\d+");
        assertThat(health.tiles().messages().valueProperty().get()).matches("\\d+ / min");

        DetailedHealth detail = owner.api().detailedHealth();
        assertThat(detail.dbHealthy()).isTrue();
        assertThat(detail.diskFreeBytes()).isPositive();

        RequestDiagnostics seen = owner.api().requestDiagnostics();
        assertThat(seen.scheme()).isEqualTo("http");
        assertThat(seen.clientIp()).isEqualTo("127.0.0.1");
    }

    @Test
    void theChannelsScreenShowsAPrivateChannelAndItsMembersArchivesAndDeletesIt() {
        AuthTokens keeper = server.users().register("chan.keeper");
        AuthTokens guest = server.users().register("chan.guest");
        Channel secret = server.chat().privateChannel(keeper, "chan-secret");
        server.chat().add(keeper, secret.id(), guest.user().id());
        server.chat().send(keeper, secret.id(), "only for us");

        ChannelsViewModel channels = new ChannelsViewModel(runner, owner::api);
        channels.load();
        channels.filterProperty().set("CHAN-SEC");
        AdminChannel listed = channels.channels().stream().filter(c -> c.id().equals(secret.id())).findFirst()
                .orElseThrow();
        assertThat(channels.channels()).as("filtered by name, any case").hasSize(1);
        assertThat(listed.memberCount()).isEqualTo(2);
        assertThat(listed.messageCount()).isEqualTo(1);
        channels.loadMembers(listed);
        assertThat(channels.members()).extracting(m -> m.user().username(), m -> m.role().wireName())
                .containsExactly(tuple("chan.keeper", "owner"), tuple("chan.guest", "member"));

        channels.setArchived(listed, true);
        assertThat(channels.messageProperty().get()).isEqualTo("#chan-secret archived: read-only for everyone");
        assertThat(server.users().post(guest.accessToken(), "/api/channels/" + secret.id() + "/messages",
                new SendMessageRequest("after archive", null, null, null, null)).statusCode())
                .as("read-only").isEqualTo(403);
        channels.delete(channels.channels().get(0));
        assertThat(channels.errorProperty().get()).isEmpty();
        assertThat(server.users().get(keeper.accessToken(), "/api/channels/" + secret.id()).statusCode())
                .isEqualTo(404);
        assertThat(channels.channels()).isEmpty();
    }

    @Test
    void theStatisticsScreenChartsThePeopleActiveTheMessagesAndTheStorage() {
        AuthTokens talker = server.users().register("stats.talker");
        Channel room = server.chat().publicChannel(talker, "stats-room-ui");
        StatsViewModel stats = new StatsViewModel(runner, owner::api);
        stats.load();
        double activeBefore = stats.activePerDay().getLast().value();
        double messagesBefore = stats.messagesPerDay().getLast().value();
        server.chat().send(talker, room.id(), "one");
        server.chat().send(talker, room.id(), "two");
        stats.load();
        assertThat(stats.errorProperty().get()).isEmpty();
        assertThat(stats.activePerDay()).hasSize(30);
        assertThat(stats.activePerDay().getLast().value()).as("one more person today").isEqualTo(activeBefore + 1);
        assertThat(stats.messagesPerDay().getLast().value()).isEqualTo(messagesBefore + 2);
        assertThat(stats.peopleProperty().get()).matches("\\d+");
        assertThat(stats.peopleNoteProperty().get()).matches("\\d+ active, \\d+ suspended");
        assertThat(stats.storagePerUser()).allSatisfy(bar -> assertThat(bar.value()).isNotNegative());
    }

    @Test
    void theBackupScheduleSetOnTheScreenIsTheOneTheServerKeeps() throws Exception {
        BackupsViewModel backups = new BackupsViewModel(runner, owner::api);
        backups.load();
        assertThat(backups.scheduledProperty().get()).isFalse();
        assertThat(backups.lastRunProperty().get()).isEqualTo("no scheduled backup yet");
        assertThat(backups.spaceProperty().get()).contains("free; the next needs about");

        backups.scheduledProperty().set(true);
        backups.timeOfDayProperty().set("25:61");
        backups.saveSchedule();
        assertThat(backups.errorProperty().get()).startsWith("time_of_day:");
        backups.timeOfDayProperty().set("02:30");
        backups.timeZoneProperty().set("Europe/Berlin");
        backups.keepProperty().set(5);
        backups.saveSchedule();
        assertThat(backups.errorProperty().get()).isEmpty();

        BackupScheduleView kept = owner.api().backupSchedule();
        assertThat(kept.enabled()).isTrue();
        assertThat(kept.timeOfDay()).isEqualTo("02:30");
        assertThat(kept.timeZone()).isEqualTo("Europe/Berlin");
        assertThat(kept.keep()).isEqualTo(5);
        assertThat(backups.nextRunProperty().get()).endsWith("(02:30 Europe/Berlin)");

        backups.scheduledProperty().set(false);
        backups.saveSchedule();
        assertThat(owner.api().backupSchedule().enabled()).isFalse();
    }

    @Test
    void theAuditLogFiltersByTheActorsUsername() {
        server.users().admin("audit.by.name");
        ServerConnection admin;
        try {
            admin = new RealServer(server).signIn("audit.by.name");
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        new InvitesViewModel(runner, admin::api, () -> admin.profile().url()).create(1, 1);
        AuditViewModel audit = new AuditViewModel(runner, owner::api);
        audit.actorProperty().set("Audit.By.Name");
        audit.load();
        assertThat(audit.errorProperty().get()).isEmpty();
        assertThat(audit.entries()).isNotEmpty().allSatisfy(e -> assertThat(e.actorName()).isEqualTo("audit.by.name"))
                .extracting(e -> AuditActions.label(e.action())).contains("Signed in", "Invite created");
    }
}
