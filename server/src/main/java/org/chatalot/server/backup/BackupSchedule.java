package org.chatalot.server.backup;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonProperty;

import org.chatalot.model.admin.BackupScheduleView;
import org.chatalot.server.error.InvalidInput;

/**
 * When scheduled backups run: every day at {@code at} in {@code zone}, keeping the newest {@code keep}.
 * {@code since} is when the schedule was last set, so a time already past today does not fire at once; the
 * first run is the next one. Stored as JSON in the instance settings (see {@link ScheduledBackups}).
 */
record BackupSchedule(boolean enabled, LocalTime at, ZoneId zone, int keep, Instant since) {
    static final int KEEP_MAX = 365;
    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);

    /** Off until an admin turns it on: daily at 03:00 server time, keep 7. */
    static BackupSchedule defaults(ZoneId serverZone) {
        return new BackupSchedule(false, LocalTime.of(3, 0), serverZone, 7, Instant.EPOCH);
    }

    /** This schedule with the fields {@code change} sets; every field is checked before any applies. */
    BackupSchedule with(BackupScheduleView change, Instant now) {
        LocalTime time = change.timeOfDay() == null ? at : parseTime(change.timeOfDay());
        ZoneId newZone = change.timeZone() == null ? zone : parseZone(change.timeZone());
        int newKeep = change.keep() == null ? keep : change.keep();
        if (newKeep < 1 || newKeep > KEEP_MAX) {
            throw new InvalidInput("keep", "must be 1-" + KEEP_MAX + " (how many scheduled backups to keep)");
        }
        boolean on = change.enabled() == null ? enabled : change.enabled();
        boolean retimed = on && (!enabled || !time.equals(at) || !newZone.equals(zone));
        return new BackupSchedule(on, time, newZone, newKeep, retimed ? now : since);
    }

    /** The most recent planned run at or before {@code now}. */
    Instant lastSlot(Instant now) {
        ZonedDateTime today = now.atZone(zone).toLocalDate().atTime(at).atZone(zone);
        return (today.toInstant().isAfter(now) ? today.minusDays(1) : today).toInstant();
    }

    /** The next planned run after {@code now}. */
    Instant nextSlot(Instant now) {
        return lastSlot(now).atZone(zone).plusDays(1).toInstant();
    }

    /**
     * Whether a run is owed at {@code now}: the latest slot came after the schedule was set and after the slot of
     * the last attempt. A server that was down at 03:00 therefore catches up once when it is back, not once per
     * missed day.
     */
    boolean isDue(Instant now, Instant lastAttemptedSlot) {
        if (!enabled) {
            return false;
        }
        Instant slot = lastSlot(now);
        return slot.isAfter(since) && (lastAttemptedSlot == null || slot.isAfter(lastAttemptedSlot));
    }

    String timeOfDay() {
        return HH_MM.format(at);
    }

    private static LocalTime parseTime(String text) {
        try {
            return LocalTime.parse(text.strip(), HH_MM);
        } catch (DateTimeParseException e) {
            throw new InvalidInput("time_of_day", "must be HH:MM on a 24-hour clock, e.g. 03:00");
        }
    }

    private static ZoneId parseZone(String text) {
        try {
            return ZoneId.of(text.strip());
        } catch (DateTimeException e) {
            throw new InvalidInput("time_zone", "must be a time zone name such as Europe/Berlin or UTC");
        }
    }

    /** The stored form: flat and readable in the settings table. */
    record Stored(boolean enabled, @JsonProperty("time_of_day") String timeOfDay,
                  @JsonProperty("time_zone") String timeZone, int keep, Instant since) {

        static Stored of(BackupSchedule schedule) {
            return new Stored(schedule.enabled(), schedule.timeOfDay(), schedule.zone().getId(), schedule.keep(),
                    schedule.since());
        }

        /** A stored value that no longer parses falls back to the defaults, turned off, rather than failing. */
        BackupSchedule toSchedule(ZoneId serverZone) {
            try {
                return new BackupSchedule(enabled, parseTime(timeOfDay), parseZone(timeZone),
                        Math.clamp(keep, 1, KEEP_MAX), since == null ? Instant.EPOCH : since);
            } catch (InvalidInput | NullPointerException e) {
                return defaults(serverZone);
            }
        }
    }
}
