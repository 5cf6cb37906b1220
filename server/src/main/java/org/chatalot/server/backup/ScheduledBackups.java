package org.chatalot.server.backup;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.chatalot.model.admin.BackupInfo;
import org.chatalot.model.admin.BackupScheduleView;
import org.chatalot.model.admin.BackupScheduleView.BackupRun;
import org.chatalot.model.admin.BackupScheduleView.BackupSpace;
import org.chatalot.model.health.HealthFinding;
import org.chatalot.model.user.Role;
import org.chatalot.server.audit.AuditLog;
import org.chatalot.server.audit.AuditLog.AuditEntry;
import org.chatalot.server.common.Actor;
import org.chatalot.server.common.Origin;
import org.chatalot.server.error.Conflict;
import org.chatalot.server.error.Unavailable;
import org.chatalot.server.settings.InstanceSettingsRepository;

/**
 * Backups the server takes by itself: the schedule an admin sets (kept with the instance settings, so it survives
 * restarts), the check that housekeeping runs every minute, pruning to the newest {@code keep}, and what the
 * admin app and detailed health show: the last result, the space used and whether the next one fits.
 */
public final class ScheduledBackups {
    /** The housekeeping task's name. */
    public static final String TASK = "scheduled backups";
    static final String SCHEDULE_KEY = "backup_schedule";
    static final String LAST_RUN_KEY = "backup_last_run";
    private static final System.Logger LOG = System.getLogger(ScheduledBackups.class.getName());
    private static final long SPACE_MAX_AGE_NANOS = 60_000_000_000L;
    private static final Actor SCHEDULER = new Actor(null, "scheduled-backup", Role.OWNER,
            new Origin("local", "chatalot-scheduler"));

    private final BackupService backups;
    private final InstanceSettingsRepository settings;
    private final AuditLog audit;
    private final ObjectMapper json;
    private final Clock clock;
    private final ZoneId serverZone;
    /** Detailed health is polled every few seconds; the space is measured at most once a minute for it. */
    private volatile MeasuredSpace measured;

    public ScheduledBackups(BackupService backups, InstanceSettingsRepository settings, AuditLog audit,
                            ObjectMapper json, Clock clock, ZoneId serverZone) {
        this.backups = backups;
        this.settings = settings;
        this.audit = audit;
        this.json = json;
        this.clock = clock;
        this.serverZone = serverZone;
    }

    private record MeasuredSpace(long atNanos, BackupService.Space space) {
    }

    private BackupService.Space recentSpace() {
        MeasuredSpace last = measured;
        if (last == null || System.nanoTime() - last.atNanos() > SPACE_MAX_AGE_NANOS) {
            last = new MeasuredSpace(System.nanoTime(), backups.space());
            measured = last;
        }
        return last.space();
    }

    /** A run as stored: the result shown to admins and the slot it was for, so a slot is attempted once. */
    record LastRun(@JsonProperty("slot") Instant slot, @JsonProperty("result") BackupRun result) {
    }

    public BackupScheduleView view() {
        BackupSchedule schedule = schedule();
        Instant now = clock.instant();
        BackupService.Space space = backups.space();
        return new BackupScheduleView(schedule.enabled(), schedule.timeOfDay(), schedule.zone().getId(),
                schedule.keep(), schedule.enabled() ? schedule.nextSlot(now) : null,
                lastRun().map(LastRun::result).orElse(null), new BackupSpace(space.usedBytes(), space.count(),
                space.freeBytes(), space.nextBytes(), space.enoughForNext()));
    }

    /** Applies the fields present (all checked first), audits what changed and returns the schedule as it is. */
    public BackupScheduleView update(Actor actor, BackupScheduleView change) {
        if (change == null) {
            return view();
        }
        BackupSchedule before = schedule();
        BackupSchedule after = before.with(change, clock.instant());
        write(SCHEDULE_KEY, BackupSchedule.Stored.of(after));
        measured = null;
        Map<String, Object> changed = new LinkedHashMap<>();
        compare(changed, "enabled", before.enabled(), after.enabled());
        compare(changed, "time_of_day", before.timeOfDay(), after.timeOfDay());
        compare(changed, "time_zone", before.zone().getId(), after.zone().getId());
        compare(changed, "keep", before.keep(), after.keep());
        if (!changed.isEmpty()) {
            audit.record(AuditEntry.by(actor.userId(), actor.name(), "admin.backup_schedule_changed",
                    actor.origin()).target("settings", "backup_schedule", null).details(changed));
        }
        return view();
    }

    /** The housekeeping task: takes the backup when one is owed. Returns how many old backups it pruned. */
    public long runIfDue() {
        BackupSchedule schedule = schedule();
        Instant now = clock.instant();
        Instant lastSlot = lastRun().map(LastRun::slot).orElse(null);
        if (!schedule.isDue(now, lastSlot)) {
            return 0;
        }
        Instant slot = schedule.lastSlot(now);
        BackupRun result = attempt(schedule, now);
        measured = null;
        if (result == null) {
            return 0;
        }
        write(LAST_RUN_KEY, new LastRun(slot, result));
        return result.pruned();
    }

    /** Null when another backup is running: the slot stays owed and the next minute's check tries again. */
    private BackupRun attempt(BackupSchedule schedule, Instant now) {
        long started = System.nanoTime();
        BackupService.Space space = backups.space();
        if (!space.enoughForNext()) {
            return failed(now, started, "not enough free space: the next backup needs about "
                    + mib(space.nextBytes()) + " MiB, " + mib(space.freeBytes()) + " MiB are free and the server keeps"
                    + " MIN_FREE_DISK_MB free");
        }
        try {
            BackupInfo info = backups.create(SCHEDULER, true);
            int pruned = backups.pruneScheduled(SCHEDULER, schedule.keep()).size();
            LOG.log(System.Logger.Level.INFO, "Scheduled backup " + info.name() + " taken ("
                    + mib(info.sizeBytes()) + " MiB)" + (pruned > 0 ? "; pruned " + pruned + " old one(s)" : ""));
            return new BackupRun(now, true, info.name(), info.sizeBytes(), millisSince(started), pruned, null);
        } catch (Conflict e) {
            if ("backup_in_progress".equals(e.code())) {
                return null;
            }
            return failed(now, started, e.getMessage());
        } catch (Unavailable e) {
            // storage_full: the backup's own room check (database copy, archive, files) is stricter than the
            // estimate above, and writes stop altogether below MIN_FREE_DISK_MB
            return failed(now, started, e.getMessage());
        } catch (UncheckedIOException | IllegalStateException e) {
            return failed(now, started, e.getMessage());
        }
    }

    private BackupRun failed(Instant now, long started, String why) {
        LOG.log(System.Logger.Level.WARNING, "Scheduled backup failed: " + why);
        audit.record(AuditEntry.by(null, SCHEDULER.name(), "admin.backup_failed", SCHEDULER.origin())
                .details(Map.of("error", why)));
        return new BackupRun(now, false, null, 0, millisSince(started), 0, why);
    }

    /**
     * For detailed health: a failed last run (until one succeeds), and a schedule whose next backup would not
     * fit on the disk.
     */
    public List<HealthFinding> findings() {
        BackupSchedule schedule = schedule();
        List<HealthFinding> findings = new ArrayList<>();
        if (!schedule.enabled()) {
            return findings;
        }
        lastRun().map(LastRun::result).filter(run -> !run.ok()).ifPresent(run -> findings.add(new HealthFinding(
                "backups.scheduled", HealthFinding.FAIL, "Scheduled backup failed",
                "the backup of " + run.at() + " failed: " + run.error(),
                "Look for \"Scheduled backup failed\" in the server log, fix the cause (often disk space), then take a"
                        + " backup now from the admin app or wait for the next run at "
                        + schedule.nextSlot(clock.instant()) + ".")));
        BackupService.Space space = recentSpace();
        if (!space.enoughForNext()) {
            findings.add(new HealthFinding("backups.space", HealthFinding.WARN, "No room for the next backup",
                    "the next backup needs about " + mib(space.nextBytes()) + " MiB; " + mib(space.freeBytes())
                            + " MiB are free and " + space.count() + " backups take " + mib(space.usedBytes())
                            + " MiB",
                    "Free space on the disk of DATA_DIR/backups, keep fewer backups, or copy old ones elsewhere "
                            + "and delete them."));
        }
        return findings;
    }

    private BackupSchedule schedule() {
        return read(SCHEDULE_KEY, BackupSchedule.Stored.class).map(stored -> stored.toSchedule(serverZone))
                .orElse(BackupSchedule.defaults(serverZone));
    }

    private Optional<LastRun> lastRun() {
        return read(LAST_RUN_KEY, LastRun.class).filter(run -> run.result() != null);
    }

    private <T> Optional<T> read(String key, Class<T> type) {
        return settings.get(key).flatMap(text -> {
            try {
                return Optional.of(json.readValue(text, type));
            } catch (IOException e) {
                LOG.log(System.Logger.Level.WARNING, "Ignoring an unreadable " + key + " setting: " + e.getMessage());
                return Optional.empty();
            }
        });
    }

    private void write(String key, Object value) {
        try {
            settings.put(key, json.writeValueAsString(value));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void compare(Map<String, Object> changed, String name, Object before, Object after) {
        if (!Objects.equals(before, after)) {
            changed.put(name, before + " -> " + after);
        }
    }

    private static long millisSince(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1_000_000;
    }

    private static long mib(long bytes) {
        return (bytes + (1 << 20) - 1) >> 20;
    }
}
