package org.chatalot.admin.backups;

import java.nio.file.Path;

import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import org.chatalot.admin.common.Formats;
import org.chatalot.admin.common.ScreenModel;
import org.chatalot.admin.common.TaskRunner;
import org.chatalot.model.admin.BackupInfo;

/** Backups: list, create, download (streamed to disk, never held in memory), delete. */
public final class BackupsViewModel extends ScreenModel {
    private final ObservableList<BackupInfo> backups = FXCollections.observableArrayList();

    public BackupsViewModel(TaskRunner runner, ApiAccess access) {
        super(runner, access);
    }

    public ObservableList<BackupInfo> backups() {
        return backups;
    }

    public void load() {
        submit("Loading backups", () -> api().backups(), backups::setAll);
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
                bytes -> tell("Saved " + backup.name() + " to " + target + " (" + Formats.bytes(bytes) + ")"));
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
}
