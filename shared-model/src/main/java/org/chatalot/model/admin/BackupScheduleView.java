package org.chatalot.model.admin;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * {@code GET/PUT /api/admin/backups/schedule}: when the server takes backups by itself and how many it keeps.
 * On PUT only {@code enabled}, {@code time_of_day} ({@code HH:MM}, 24 h), {@code time_zone} (an IANA name;
 * default the server's) and {@code keep} are read, each optional; the rest is what the server reports.
 */
public record BackupScheduleView(Boolean enabled,
                                 @JsonProperty("time_of_day") String timeOfDay,
                                 @JsonProperty("time_zone") String timeZone,
                                 Integer keep,
                                 @JsonProperty("next_run_at") Instant nextRunAt,
                                 @JsonProperty("last_run") BackupRun lastRun,
                                 BackupSpace space) {

    /** A change: only the fields an admin sets. */
    public static BackupScheduleView change(Boolean enabled, String timeOfDay, String timeZone, Integer keep) {
        return new BackupScheduleView(enabled, timeOfDay, timeZone, keep, null, null, null);
    }

    /** How the last scheduled backup went; {@code error} is set when it failed (then {@code name} is null). */
    public record BackupRun(Instant at,
                            boolean ok,
                            String name,
                            @JsonProperty("size_bytes") long sizeBytes,
                            @JsonProperty("took_ms") long tookMs,
                            int pruned,
                            String error) {
    }

    /**
     * Room for backups: what the archives take, the free space where they are written, the expected size of the
     * next one (the newest archive's size, or the data's size before the first) and whether it fits while leaving
     * {@code MIN_FREE_DISK_MB} free.
     */
    public record BackupSpace(@JsonProperty("backups_bytes") long backupsBytes,
                              @JsonProperty("backups_count") int backupsCount,
                              @JsonProperty("free_bytes") long freeBytes,
                              @JsonProperty("next_backup_bytes") long nextBackupBytes,
                              @JsonProperty("enough_for_next") boolean enoughForNext) {
    }
}
