package org.chatalot.installer.systemd;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import org.chatalot.installer.Golden;
import org.chatalot.installer.plan.DeploySettings;
import org.chatalot.installer.plan.FileMode;
import org.chatalot.installer.plan.RenderedFile;

class SystemdServiceTest {
    private final DeploySettings settings = DeploySettings.builder("chat.example.com").maxFileSizeMb(250)
            .dataDir(Path.of("/srv/chatalot-data")).java(Path.of("/usr/lib/jvm/java-21/bin/java")).build();

    @Test
    void unitMatchesGoldenFile() {
        Golden.assertMatches("chatalot.service", SystemdService.unit(settings));
    }

    @Test
    void environmentMatchesGoldenFile() {
        Golden.assertMatches("chatalot.env", SystemdService.environment(settings));
    }

    @Test
    void unitIsHardenedAndMayWriteOnlyTheDataDir() {
        assertThat(SystemdService.unit(settings)).contains("NoNewPrivileges=true", "ProtectSystem=strict",
                "ReadWritePaths=/srv/chatalot-data", "User=chatalot");
    }

    @Test
    void environmentFileIsSecretAndUnitIsNot() {
        assertThat(SystemdService.files(settings)).extracting(RenderedFile::mode)
                .containsExactly(FileMode.PUBLIC, FileMode.SECRET);
        assertThat(FileMode.SECRET.octal()).isEqualTo("600");
    }
}
