package org.chatalot.server.backup;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.chatalot.model.admin.AuditPage;
import org.chatalot.model.admin.BackupInfo;
import org.chatalot.model.admin.BackupScheduleView;
import org.chatalot.model.auth.AuthTokens;
import org.chatalot.model.error.ErrorBody;
import org.chatalot.model.health.DetailedHealth;
import org.chatalot.model.health.HealthFinding;
import org.chatalot.server.testing.FileClient;
import org.chatalot.server.testing.MutableClock;
import org.chatalot.server.testing.SmallDisk;
import org.chatalot.server.testing.TestServer;
import org.chatalot.server.testing.TestUsers;

/**
 * Scheduled backups through the real server, days passing on a clock the test moves: the schedule an admin
 * sets (checked, audited, kept across a restart), a run at the set time and not before, pruning to the newest
 * {@code keep} without touching manual backups, and a run that fails showing in detailed health.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ScheduledBackupsIT {
    private static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-12-01T01:00:00Z"));
    private static final MutableClock FULL_DISK_CLOCK = new MutableClock(Instant.parse("2026-12-01T01:00:00Z"));
    private static final String SCHEDULE = "/api/admin/backups/schedule";

    @RegisterExtension
    static TestServer server = TestServer.create().withClock(CLOCK);

    private static String owner(TestServer on) {
        on.users().owner();
        // the clock moves by days: sign in afresh rather than reuse a token that expired on the moved clock
        return on.users().login("owner", TestUsers.PASSWORD).accessToken();
    }

    private static BackupScheduleView schedule(TestServer on, BackupScheduleView change) {
        return on.users().expect(200, on.users().put(owner(on), SCHEDULE, change), BackupScheduleView.class);
    }

    private static List<BackupInfo> backups(TestServer on) {
        return Arrays.asList(on.users().expect(200, on.users().get(owner(on), "/api/admin/backups"),
                BackupInfo[].class));
    }

    private static void runScheduler(TestServer on) throws Exception {
        on.server().runHousekeeping(ScheduledBackups.TASK);
    }

    @Test
    @Order(1)
    void theScheduleIsCheckedFieldByFieldAndOnlyAdminsMaySetIt() {
        AuthTokens member = server.users().register("sched.member");
        assertThat(server.users().put(member.accessToken(), SCHEDULE, BackupScheduleView.change(true, null, null,
                null)).statusCode()).isEqualTo(403);
        assertRefused("time_of_day", BackupScheduleView.change(true, "25:00", "UTC", 7));
        assertRefused("keep", BackupScheduleView.change(true, "03:00", "UTC", 0));
        assertRefused("time_zone", BackupScheduleView.change(true, "03:00", "Mars/Olympus_Mons", 7));

        BackupScheduleView off = server.users().expect(200, server.users().get(owner(server), SCHEDULE),
                BackupScheduleView.class);
        assertThat(off.enabled()).as("nothing was stored").isFalse();
        assertThat(off.timeOfDay()).isEqualTo("03:00");
        assertThat(off.keep()).isEqualTo(7);
        assertThat(off.nextRunAt()).isNull();
    }

    private static void assertRefused(String field, BackupScheduleView change) {
        var response = server.users().put(owner(server), SCHEDULE, change);
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(server.read(response, ErrorBody.class).error().field()).isEqualTo(field);
    }

    @Test
    @Order(2)
    void aBackupIsTakenAtTheSetTimeAndOldScheduledOnesArePrunedButManualOnesKept() throws Exception {
        BackupScheduleView set = schedule(server, BackupScheduleView.change(true, "03:00", "UTC", 2));
        assertThat(set.nextRunAt()).isEqualTo(Instant.parse("2026-12-01T03:00:00Z"));
        AuditPage audit = server.users().expect(200, server.users().get(owner(server),
                "/api/admin/audit?action=admin.backup_schedule_changed"), AuditPage.class);
        assertThat(audit.entries()).singleElement().satisfies(entry -> assertThat(entry.details())
                .containsEntry("enabled", "false -> true").containsEntry("keep", "7 -> 2"));

        runScheduler(server);
        assertThat(backups(server)).as("02:00: not yet").isEmpty();

        CLOCK.advance(Duration.ofHours(2));
        runScheduler(server);
        runScheduler(server);
        assertThat(backups(server)).as("03:00: one, however often the check runs").singleElement()
                .satisfies(backup -> {
                    assertThat(backup.scheduled()).isTrue();
                    assertThat(backup.name()).isEqualTo("chatalot-backup-20261201T030000Z-scheduled.zip");
                    assertThat(backup.createdAt()).isEqualTo(Instant.parse("2026-12-01T03:00:00Z"));
                });
        server.users().expect(201, server.users().post(owner(server), "/api/admin/backups", "{}"), BackupInfo.class);

        for (int day = 1; day <= 2; day++) {
            CLOCK.advance(Duration.ofDays(1));
            runScheduler(server);
        }
        List<BackupInfo> kept = backups(server);
        assertThat(kept).filteredOn(BackupInfo::scheduled).extracting(BackupInfo::name).containsExactly(
                "chatalot-backup-20261203T030000Z-scheduled.zip", "chatalot-backup-20261202T030000Z-scheduled.zip");
        assertThat(kept).filteredOn(backup -> !backup.scheduled()).as("the manual backup stays").hasSize(1);

        BackupScheduleView now = server.users().expect(200, server.users().get(owner(server), SCHEDULE),
                BackupScheduleView.class);
        assertThat(now.lastRun().ok()).isTrue();
        assertThat(now.lastRun().pruned()).isEqualTo(1);
        assertThat(now.lastRun().name()).isEqualTo("chatalot-backup-20261203T030000Z-scheduled.zip");
        assertThat(now.nextRunAt()).isEqualTo(Instant.parse("2026-12-04T03:00:00Z"));
        assertThat(now.space().backupsCount()).isEqualTo(3);
        assertThat(now.space().backupsBytes()).isEqualTo(kept.stream().mapToLong(BackupInfo::sizeBytes).sum());
        assertThat(now.space().enoughForNext()).isTrue();
        assertThat(server.users().expect(200, server.users().get(owner(server),
                "/api/admin/audit?action=admin.backup_pruned"), AuditPage.class).entries()).singleElement()
                .satisfies(entry -> assertThat(entry.targetId())
                        .isEqualTo("chatalot-backup-20261201T030000Z-scheduled.zip"));
    }

    @Test
    @Order(3)
    void theScheduleSurvivesARestartAndASlotMissedWhileDownIsCaughtUpOnce() throws Exception {
        server.stop();
        CLOCK.advance(Duration.ofDays(2).plusHours(5));
        server.start();
        BackupScheduleView after = server.users().expect(200, server.users().get(owner(server), SCHEDULE),
                BackupScheduleView.class);
        assertThat(after.enabled()).isTrue();
        assertThat(after.keep()).isEqualTo(2);

        runScheduler(server);
        runScheduler(server);
        assertThat(backups(server)).filteredOn(BackupInfo::scheduled).extracting(BackupInfo::name)
                .as("two days missed, one backup made").containsExactly(
                        "chatalot-backup-20261205T080000Z-scheduled.zip",
                        "chatalot-backup-20261203T030000Z-scheduled.zip");
    }

    /**
     * A disk with room for the server but not for a backup: a real 64 MiB filesystem with MIN_FREE_DISK_MB 32
     * and a 20 MiB upload, so the first backup (about the database plus the files) would leave less than 32
     * MiB while messages and sign-ins still have 10 MiB. (A threshold beyond the whole disk no longer works
     * for this: the server does not start below it, and refuses every write.)
     */
    @Test
    @Order(4)
    void aScheduledBackupThatCannotFitFailsAndDetailedHealthSaysSo() throws Exception {
        try (SmallDisk disk = SmallDisk.mount(64)) {
            TestServer fullDisk = TestServer.create().withClock(FULL_DISK_CLOCK)
                    .with("DATA_DIR", disk.dir("data").toString()).with("MIN_FREE_DISK_MB", "32");
            fullDisk.start();
            try {
                String token = owner(fullDisk);
                byte[] twentyMib = "twenty mebibytes of text\n".repeat(20 * 1024 * 1024 / 25)
                        .getBytes(StandardCharsets.US_ASCII);
                new FileClient(fullDisk).uploaded(token, "big.txt", twentyMib);
                BackupScheduleView set = fullDisk.users().expect(200, fullDisk.users().put(token, SCHEDULE,
                        BackupScheduleView.change(true, "03:00", "UTC", 7)), BackupScheduleView.class);
                assertThat(set.space().enoughForNext()).isFalse();
                assertThat(findings(fullDisk)).extracting(HealthFinding::id).containsExactly("backups.space");

                FULL_DISK_CLOCK.advance(Duration.ofHours(3));
                runScheduler(fullDisk);
                BackupScheduleView after = fullDisk.users().expect(200,
                        fullDisk.users().get(owner(fullDisk), SCHEDULE), BackupScheduleView.class);
                assertThat(after.lastRun().ok()).isFalse();
                assertThat(after.lastRun().error()).startsWith("not enough free space");
                assertThat(backups(fullDisk)).isEmpty();
                assertThat(findings(fullDisk)).extracting(HealthFinding::id, HealthFinding::severity)
                        .containsExactly(org.assertj.core.groups.Tuple.tuple("backups.scheduled", "fail"),
                                org.assertj.core.groups.Tuple.tuple("backups.space", "warn"));
                assertThat(fullDisk.users().expect(200, fullDisk.users().get(owner(fullDisk),
                        "/api/admin/audit?action=admin.backup_failed"), AuditPage.class).entries()).hasSize(1);
            } finally {
                fullDisk.stop();
            }
        }
    }

    private static List<HealthFinding> findings(TestServer on) {
        return on.users().expect(200, on.users().get(owner(on), "/api/admin/health"),
                DetailedHealth.class).findings();
    }
}
