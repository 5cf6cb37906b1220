package org.chatalot.installer.upgrade;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.chatalot.installer.apply.StepFailed;
import org.chatalot.installer.exec.Command;
import org.chatalot.installer.exec.CommandResult;
import org.chatalot.installer.exec.Shell;
import org.chatalot.installer.plan.FileMode;

/** The upgrade's order and its ways out, against a shell that records commands and answers like a real box. */
class UpgradeTest {
    private static final Path INSTALL = Path.of("/opt/chatalot");
    private final StringWriter out = new StringWriter();
    private final RecordingShell shell = new RecordingShell();
    @TempDir
    Path dir;
    private Path archive;

    @BeforeEach
    void releaseArchive() throws Exception {
        archive = archive("0.3.0");
    }

    @Test
    void backsUpBeforeStoppingKeepsThePreviousFilesAndSaysHowToRollBack() {
        upgrade(upstream -> Optional.of("0.3.0")).apply(target());

        assertThat(shell.commands()).containsSubsequence(
                "/opt/chatalot/bin/chatalot --version",
                "/opt/chatalot/bin/chatalot admin backup",
                "systemctl stop chatalot",
                "rm -rf /opt/chatalot.previous",
                "mv /opt/chatalot /opt/chatalot.previous",
                "mkdir -p /opt/chatalot",
                "tar -xzf " + archive + " -C /opt/chatalot --strip-components=1 --no-same-owner",
                "systemctl start chatalot");
        assertThat(out.toString()).contains("SHA-256 matches", "from 0.2.0 to 0.3.0", "done: 0.3.0 is running",
                "To roll back to 0.2.0", "mv /opt/chatalot /opt/chatalot.failed && mv /opt/chatalot.previous "
                        + "/opt/chatalot", "/opt/chatalot/bin/chatalot admin restore /var/lib/chatalot/backups/b.zip");
    }

    @Test
    void aCorruptArchiveChangesNothing() throws Exception {
        Files.writeString(archive.resolveSibling(archive.getFileName() + ".sha256"), "0".repeat(64) + "  x\n");

        assertThatThrownBy(() -> upgrade(upstream -> Optional.of("0.3.0")).apply(target()))
                .isInstanceOf(StepFailed.class).hasMessageContaining("nothing was changed");
        assertThat(shell.commands()).isEmpty();
    }

    @Test
    void anOlderReleaseIsRefusedBeforeTheBackup() throws Exception {
        Path older = archive("0.1.0");

        assertThatThrownBy(() -> upgrade(upstream -> Optional.empty()).apply(new Upgrade.Target(INSTALL,
                ReleaseArchive.open(older), "chatalot", "127.0.0.1:8080")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("older than the installed 0.2.0");
        assertThat(shell.commands()).noneMatch(c -> c.contains("backup") || c.startsWith("systemctl"));
    }

    @Test
    void aFailedBackupStopsTheUpgradeBeforeTheServiceIsTouched() {
        shell.answer("admin backup", new CommandResult(1, "cannot write DATA_DIR/backups: disk full"));

        assertThatThrownBy(() -> upgrade(upstream -> Optional.of("0.3.0")).apply(target()))
                .isInstanceOf(StepFailed.class).hasMessageContaining("nothing was changed")
                .hasMessageContaining("disk full");
        assertThat(shell.commands()).noneMatch(c -> c.startsWith("systemctl") || c.startsWith("mv"));
    }

    @Test
    void aNewVersionThatNeverAnswersEndsWithTheRollBackSteps() {
        assertThatThrownBy(() -> upgrade(upstream -> Optional.of("0.2.0"), Duration.ofMillis(600)).apply(target()))
                .isInstanceOf(StepFailed.class).hasMessageContaining("0.3.0 did not answer healthy")
                .hasMessageContaining("(0.2.0 answers)");
        assertThat(out.toString()).contains("To roll back to 0.2.0", "admin restore /var/lib/chatalot/backups/b.zip");
    }

    @Test
    void anInstallOwnedByTheDebianPackageIsLeftToApt() {
        shell.answer("dpkg -S", new CommandResult(0, "chatalot: /opt/chatalot/chatalot-server.jar"));

        assertThatThrownBy(() -> upgrade(upstream -> Optional.of("0.3.0")).apply(target()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("upgrade it with apt");
        assertThat(shell.commands()).noneMatch(c -> c.contains("backup"));
    }

    @Test
    void versionsOrderAsSemanticVersioningSays() {
        assertThat(List.of("0.10.0", "0.2.0", "0.2.0-SNAPSHOT", "0.2.1", "1.0.0-rc.1", "1.0.0").stream()
                .sorted(Versions.ORDER).toList())
                .containsExactly("0.2.0-SNAPSHOT", "0.2.0", "0.2.1", "0.10.0", "1.0.0-rc.1", "1.0.0");
        assertThat(ReleaseArchive.open(archive).version()).isEqualTo("0.3.0");
    }

    private Upgrade upgrade(HealthWatch health) {
        return upgrade(health, Duration.ofSeconds(5));
    }

    private Upgrade upgrade(HealthWatch health, Duration timeout) {
        return new Upgrade(shell, health, new PrintWriter(out, true), timeout);
    }

    private Upgrade.Target target() {
        return new Upgrade.Target(INSTALL, ReleaseArchive.open(archive), "chatalot", "127.0.0.1:8080");
    }

    /** A chatalot-VERSION.tar.gz laid out as the build's (one ustar entry under the top folder), and its .sha256. */
    private Path archive(String version) throws Exception {
        Path file = dir.resolve("chatalot-" + version + ".tar.gz");
        byte[] content = "#!/bin/sh\n".getBytes(StandardCharsets.US_ASCII);
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write(tarHeader("chatalot-" + version + "/bin/chatalot", content.length));
            out.write(content);
            out.write(new byte[512 - content.length + 1024]);
        }
        String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        Files.writeString(file.resolveSibling(file.getFileName() + ".sha256"),
                sha256 + "  " + file.getFileName() + "\n");
        return file;
    }

    private static byte[] tarHeader(String name, int size) {
        byte[] header = new byte[512];
        put(header, 0, name);
        put(header, 100, "0000755");
        put(header, 108, "0000000");
        put(header, 116, "0000000");
        put(header, 124, String.format("%011o", size));
        put(header, 136, "00000000000");
        header[156] = '0';
        put(header, 257, "ustar");
        put(header, 263, "00");
        java.util.Arrays.fill(header, 148, 156, (byte) ' ');
        int sum = 0;
        for (byte b : header) {
            sum += b & 0xFF;
        }
        put(header, 148, String.format("%06o", sum));
        header[154] = 0;
        return header;
    }

    private static void put(byte[] header, int offset, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(bytes, 0, header, offset, bytes.length);
    }

    /** Records every command; answers like an installed 0.2.0 whose backup works, unless told otherwise. */
    private static final class RecordingShell implements Shell {
        private final List<String> commands = new ArrayList<>();
        private final List<Function<String, CommandResult>> answers = new ArrayList<>();

        RecordingShell() {
            answer("--version", new CommandResult(0, "Chatalot 0.2.0\n"));
            answer("admin backup", new CommandResult(0, "Backup written: /var/lib/chatalot/backups/b.zip\n"));
            answer("dpkg -S", new CommandResult(1, "dpkg-query: no path found matching pattern"));
        }

        void answer(String contains, CommandResult result) {
            answers.addFirst(line -> line.contains(contains) ? result : null);
        }

        List<String> commands() {
            return commands.stream().filter(c -> !c.startsWith("dpkg -S")).toList();
        }

        @Override
        public CommandResult run(Command command) {
            String line = command.display();
            commands.add(line);
            return answers.stream().map(a -> a.apply(line)).filter(java.util.Objects::nonNull).findFirst()
                    .orElse(new CommandResult(0, ""));
        }

        @Override
        public void createDirectories(Path path) {
            commands.add("mkdir -p " + path);
        }

        @Override
        public Optional<String> read(Path path) {
            return Optional.empty();
        }

        @Override
        public void write(Path path, String content, FileMode mode) {
            commands.add("write " + path);
        }

        @Override
        public void copy(Path from, Path to) {
            commands.add("cp " + from + " " + to);
        }

        @Override
        public void symlink(Path link, Path target) {
            commands.add("ln -s " + target + " " + link);
        }

        @Override
        public void delete(Path path) {
            commands.add("rm " + path);
        }

        @Override
        public boolean isDryRun() {
            return false;
        }
    }
}
