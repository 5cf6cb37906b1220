package org.chatalot.admin.backups;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import org.chatalot.admin.common.Formats;
import org.chatalot.admin.common.ScreenModel;
import org.chatalot.admin.common.TaskRunner;
import org.chatalot.model.admin.BackupInfo;
import org.chatalot.model.admin.BackupScheduleView;
import org.chatalot.model.admin.BackupScheduleView.BackupRun;
import org.chatalot.model.admin.BackupScheduleView.BackupSpace;

/**
 * Backups: list, create, download (streamed to disk, never held in memory, saved readable by the admin only),
 * delete; and the schedule the server takes them on, with its last result and the space they use.
 */
public final class BackupsViewModel extends ScreenModel {
    private final ObservableList<BackupInfo> backups = FXCollections.observableArrayList();
    private final BooleanProperty scheduled = new SimpleBooleanProperty();
    private final StringProperty timeOfDay = new SimpleStringProperty("03:00");
    private final StringProperty timeZone = new SimpleStringProperty("");
    private final ObjectProperty<Integer> keep = new SimpleObjectProperty<>(7);
    private final StringProperty nextRun = new SimpleStringProperty("");
    private final StringProperty lastRun = new SimpleStringProperty("");
    private final StringProperty lastRunState = new SimpleStringProperty("unknown");
    private final StringProperty space = new SimpleStringProperty("");
    private final BooleanProperty spaceShort = new SimpleBooleanProperty();

    public BackupsViewModel(TaskRunner runner, ApiAccess access) {
        super(runner, access);
    }

    public ObservableList<BackupInfo> backups() {
        return backups;
    }

    public BooleanProperty scheduledProperty() {
        return scheduled;
    }

    /** {@code HH:MM}, 24 h. */
    public StringProperty timeOfDayProperty() {
        return timeOfDay;
    }

    /** The zone the time is in; the server's own until an admin picks one. */
    public StringProperty timeZoneProperty() {
        return timeZone;
    }

    public ObjectProperty<Integer> keepProperty() {
        return keep;
    }

    public StringProperty nextRunProperty() {
        return nextRun;
    }

    public StringProperty lastRunProperty() {
        return lastRun;
    }

    /** {@code ok}, {@code fail} or {@code unknown} (no run yet), for the badge. */
    public StringProperty lastRunStateProperty() {
        return lastRunState;
    }

    public StringProperty spaceProperty() {
        return space;
    }

    /** The next backup would not fit: the space line turns into a warning. */
    public BooleanProperty spaceShortProperty() {
        return spaceShort;
    }

    public void load() {
        submit("Loading backups", () -> api().backups(), backups::setAll);
        submit("Loading the schedule", () -> api().backupSchedule(), this::showSchedule);
    }

    public void create() {
        submit("Creating backup", () -> api().createBackup(), backup -> {
            tell("Backup " + backup.name() + " created");
            load();
        });
    }

    /** Owners only (an archive holds the token signing key); an admin sees the server's refusal. */
    public void download(BackupInfo backup, Path target) {
        submit("Downloading " + backup.name(), () -> api().downloadBackup(backup.name(), target),
                bytes -> tell("Saved " + backup.name() + " to " + target + " (" + Formats.bytes(bytes)
                        + ", readable by you only)"));
    }

    public void delete(BackupInfo backup) {
        submit("Deleting " + backup.name(), () -> {
            api().deleteBackup(backup.name());
            return backup;
        }, deleted -> {
            tell("Backup " + deleted.name() + " deleted");
            load();
        });
    }

    /** Sends the schedule as the form has it; the server checks each field and names the one it refuses. */
    public void saveSchedule() {
        if (keep.get() == null || keep.get() < 1) {
            fail("Keep at least 1 backup.");
            return;
        }
        String zone = timeZone.get() == null || timeZone.get().isBlank() ? null : timeZone.get().strip();
        BackupScheduleView change = BackupScheduleView.change(scheduled.get(), timeOfDay.get().strip(), zone,
                keep.get());
        submit("Saving the schedule", () -> api().saveBackupSchedule(change), saved -> {
            showSchedule(saved);
            tell(saved.enabled() ? "Backups scheduled daily at " + saved.timeOfDay() + " (" + saved.timeZone()
                    + "), keeping " + saved.keep() : "Scheduled backups turned off");
        });
    }

    private void showSchedule(BackupScheduleView view) {
        scheduled.set(Boolean.TRUE.equals(view.enabled()));
        timeOfDay.set(view.timeOfDay());
        timeZone.set(view.timeZone());
        keep.set(view.keep());
        nextRun.set(view.nextRunAt() == null ? "off" : Formats.dateTime(view.nextRunAt()) + " your time ("
                + view.timeOfDay() + " " + view.timeZone() + ")");
        showLastRun(view.lastRun());
        showSpace(view.space());
    }

    private void showLastRun(BackupRun run) {
        if (run == null) {
            lastRun.set("no scheduled backup yet");
            lastRunState.set("unknown");
        } else if (run.ok()) {
            lastRun.set(Formats.dateTime(run.at()) + ": " + run.name() + ", " + Formats.bytes(run.sizeBytes())
                    + " in " + Formats.seconds(run.tookMs()) + (run.pruned() > 0 ? "; " + run.pruned()
                    + " old one(s) pruned" : ""));
            lastRunState.set("ok");
        } else {
            lastRun.set(Formats.dateTime(run.at()) + ": failed — " + run.error());
            lastRunState.set("fail");
        }
    }

    private void showSpace(BackupSpace room) {
        if (room == null) {
            space.set("");
            return;
        }
        spaceShort.set(!room.enoughForNext());
        space.set(room.backupsCount() + " backups take " + Formats.bytes(room.backupsBytes()) + "; "
                + Formats.bytes(room.freeBytes()) + " free; the next needs about "
                + Formats.bytes(room.nextBackupBytes()) + (room.enoughForNext() ? ""
                : " — not enough room: free space or keep fewer"));
    }

    /** The zones to offer: the common ones, the server's and this computer's first. */
    public static List<String> zones() {
        List<String> zones = new ArrayList<>(ZoneId.getAvailableZoneIds().stream()
                .filter(zone -> zone.contains("/") && !zone.startsWith("Etc/") && !zone.startsWith("SystemV/"))
                .sorted().toList());
        zones.add(0, "UTC");
        zones.add(0, ZoneId.systemDefault().getId());
        return zones.stream().distinct().toList();
    }
}
