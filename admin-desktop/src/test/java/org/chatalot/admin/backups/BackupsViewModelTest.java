package org.chatalot.admin.backups;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

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
            assertThat(model.messageProperty().get()).startsWith("Saved").endsWith("(46 B)");
            model.delete(model.backups().get(0));
            assertThat(model.backups()).hasSize(1);
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
