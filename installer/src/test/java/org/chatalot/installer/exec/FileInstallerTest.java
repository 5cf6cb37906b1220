package org.chatalot.installer.exec;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.chatalot.installer.plan.FileMode;
import org.chatalot.installer.plan.RenderedFile;
import org.chatalot.testing.TempDirs;

class FileInstallerTest {
    private final Path dir = TempDirs.create("installer-");
    private final Clock clock = Clock.fixed(Instant.parse("2026-03-01T12:00:00Z"), ZoneOffset.UTC);
    private final FileInstaller installer = new FileInstaller(new SystemShell(Duration.ofSeconds(5)), clock);

    @AfterEach
    void cleanUp() {
        TempDirs.deleteRecursively(dir);
    }

    @Test
    void secondRunWithSameContentChangesNothing() throws Exception {
        RenderedFile file = new RenderedFile(dir.resolve("site.conf"), "server {}\n", FileMode.PUBLIC);
        assertThat(installer.install(file).outcome()).isEqualTo(FileInstaller.Outcome.CREATED);
        assertThat(installer.install(file).outcome()).isEqualTo(FileInstaller.Outcome.UNCHANGED);
        try (var files = Files.list(dir)) {
            assertThat(files.toList()).containsExactly(file.path());
        }
    }

    @Test
    void replacedFileIsBackedUpFirst() throws Exception {
        Path path = dir.resolve("site.conf");
        Files.writeString(path, "old\n");
        FileInstaller.Installed installed = installer.install(new RenderedFile(path, "new\n", FileMode.PUBLIC));
        assertThat(installed.outcome()).isEqualTo(FileInstaller.Outcome.REPLACED);
        assertThat(installed.backup()).contains(dir.resolve("site.conf.bak-20260301-120000"));
        assertThat(Files.readString(installed.backup().orElseThrow())).isEqualTo("old\n");
        assertThat(Files.readString(path)).isEqualTo("new\n");
    }

    @Test
    void secretsAreWrittenOwnerOnly() throws Exception {
        Path path = dir.resolve("sub/chatalot.env");
        installer.install(new RenderedFile(path, "TURN_SECRET=x\n", FileMode.SECRET));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(path))).isEqualTo("rw-------");
    }

    @Test
    void undoRestoresTheBackup() throws Exception {
        Path path = dir.resolve("site.conf");
        Files.writeString(path, "old\n");
        installer.undo(installer.install(new RenderedFile(path, "new\n", FileMode.PUBLIC)));
        assertThat(Files.readString(path)).isEqualTo("old\n");
    }

    @Test
    void dryRunPrintsFilesAndCommandsButHidesSecretsAndChangesNothing() {
        StringWriter out = new StringWriter();
        Shell dry = new DryRunShell(new SystemShell(Duration.ofSeconds(5)), new PrintWriter(out, true));
        FileInstaller planner = new FileInstaller(dry, clock);
        planner.install(new RenderedFile(dir.resolve("a.conf"), "listen 443;\n", FileMode.PUBLIC));
        planner.install(new RenderedFile(dir.resolve("k.pem"), "PRIVATE\n", FileMode.SECRET));
        dry.run(Command.of("systemctl", "reload", "nginx"));
        assertThat(out.toString()).contains("# write " + dir.resolve("a.conf") + " (mode 644)", "listen 443;",
                "(mode 600)", "secret, 8 characters, not shown", "$ systemctl reload nginx").doesNotContain("PRIVATE");
        assertThat(dir.resolve("a.conf")).doesNotExist();
    }

    @Test
    void commandsDisplayQuotedAsTyped() {
        assertThat(Command.of("acme.sh", "--reloadcmd", "systemctl reload nginx", "it's").display())
                .isEqualTo("acme.sh --reloadcmd 'systemctl reload nginx' 'it'\\''s'");
    }
}
