package org.chatalot.admin.backups;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.chatalot.admin.testing.StubAdminServer;
import org.chatalot.admin.testing.StubFixture;

class BackupsViewModelTest {

    @Test
    void createsListsAndDownloadsToTheChosenFile(@TempDir Path dir) throws Exception {
        try (StubFixture fixture = new StubFixture()) {
            BackupsViewModel model = new BackupsViewModel(fixture.runner(), fixture.connection()::api);
            model.load();
            assertThat(model.backups()).hasSize(1);
            model.create();
            assertThat(model.backups()).hasSize(2);
            Path target = dir.resolve("backup.zip");
            model.download(model.backups().get(1), target);
            assertThat(Files.readString(target)).isEqualTo("PK zip of chatalot-backup-20261126T030000Z.zip");
            assertThat(dir.resolve("backup.zip.part")).doesNotExist();
            assertThat(model.messageProperty().get()).startsWith("Saved").endsWith("(46 B, readable by you only)");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(target)))
                    .as("an archive holds the signing key").isEqualTo("rw-------");
            model.delete(model.backups().get(0));
            assertThat(model.backups()).hasSize(1);
        }
    }

    @Test
    void theScheduleShowsTheLastFailureAndTheSpaceAndIsSaved() throws Exception {
        try (StubFixture fixture = new StubFixture()) {
            BackupsViewModel model = new BackupsViewModel(fixture.runner(), fixture.connection()::api);
            model.load();
            assertThat(model.scheduledProperty().get()).isFalse();
            assertThat(model.nextRunProperty().get()).isEqualTo("off");
            assertThat(model.lastRunStateProperty().get()).isEqualTo("fail");
            assertThat(model.lastRunProperty().get()).contains("failed — not enough free space");
            assertThat(model.spaceShortProperty().get()).isTrue();
            assertThat(model.spaceProperty().get()).contains("1 backups take 46.0 MiB", "not enough room");

            model.scheduledProperty().set(true);
            model.timeOfDayProperty().set("04:30");
            model.keepProperty().set(0);
            model.saveSchedule();
            assertThat(model.errorProperty().get()).isEqualTo("Keep at least 1 backup.");
            model.keepProperty().set(14);
            model.saveSchedule();
            assertThat(model.errorProperty().get()).isEmpty();
            assertThat(model.messageProperty().get()).isEqualTo("Backups scheduled daily at 04:30 (UTC), keeping 14");
            assertThat(fixture.stub().requests()).contains("PUT /api/admin/backups/schedule");
            assertThat(model.nextRunProperty().get()).endsWith("(04:30 UTC)");
        }
    }

    @Test
    void anAdminWhoIsNotTheOwnerSeesWhyTheDownloadWasRefused(@TempDir Path dir) throws Exception {
        try (StubFixture fixture = new StubFixture()) {
            fixture.connection().session().login("alice", StubAdminServer.PASSWORD, null);
            BackupsViewModel model = new BackupsViewModel(fixture.runner(), fixture.connection()::api);
            model.load();
            Path target = dir.resolve("backup.zip");
            model.download(model.backups().get(0), target);
            assertThat(model.errorProperty().get()).isEqualTo("this needs the owner role");
            assertThat(target).doesNotExist();
            assertThat(dir.resolve("backup.zip.part")).doesNotExist();
        }
    }
}
