package org.chatalot.admin.backups;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
            assertThat(Files.readString(target)).contains("chatalot-2026-11-26T0300.zip");
            assertThat(dir.resolve("backup.zip.part")).doesNotExist();
            assertThat(model.messageProperty().get()).startsWith("Saved");
        }
    }
}
