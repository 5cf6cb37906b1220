package org.chatalot.installer.upgrade;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.chatalot.installer.apply.StepFailed;
import org.chatalot.installer.exec.Command;
import org.chatalot.installer.exec.CommandResult;
import org.chatalot.installer.exec.Shell;

/**
 * Upgrades a release-archive install in place: verify the archive, back up the data with the installed release
 * (online while it runs, from the stopped database otherwise), stop the service, keep the installed files as
 * {@code <install-dir>.previous}, unpack the new release, start it and wait until it answers with its version
 * (its first start runs the database migrations). Every way out says how to roll back.
 */
public final class Upgrade {
    private static final Pattern BACKUP = Pattern.compile("Backup written: (\\S+)");

    private final Shell shell;
    private final HealthWatch health;
    private final PrintWriter log;
    private final Duration startTimeout;

    public Upgrade(Shell shell, HealthWatch health, PrintWriter log, Duration startTimeout) {
        this.shell = shell;
        this.health = health;
        this.log = log;
        this.startTimeout = startTimeout;
    }

    /** Where and what: the installed release, the new archive, the service and the address it answers on. */
    public record Target(Path installDir, ReleaseArchive archive, String service, String upstream) {
        Path previousDir() {
            return installDir.resolveSibling(installDir.getFileName() + ".previous");
        }

        String launcher() {
            return installDir.resolve("bin/chatalot").toString();
        }
    }

    public void apply(Target target) {
        ReleaseArchive archive = target.archive();
        say(archive.verifyChecksum().map(sum -> archive.path().getFileName() + ": SHA-256 matches its .sha256 file")
                .orElse("no " + archive.path().getFileName() + ".sha256 beside the archive: not verified"));
        String installed = installedVersion(target);
        if (Versions.compare(archive.version(), installed) < 0) {
            throw new IllegalArgumentException("archive: " + archive.version() + " is older than the installed "
                    + installed + "; a newer database cannot go back to older code: roll back from the backup "
                    + "taken before the upgrade instead (docs/operations.md, \"Rolling back\")");
        }
        say("upgrading " + target.installDir() + " from " + installed + " to " + archive.version());

        String backup = backUp(target);
        must(Command.of("systemctl", "stop", target.service()));
        must(Command.of("rm", "-rf", target.previousDir().toString()));
        must(Command.of("mv", target.installDir().toString(), target.previousDir().toString()));
        say("the " + installed + " files are kept in " + target.previousDir());
        shell.createDirectories(target.installDir());
        must(Command.of("tar", "-xzf", archive.path().toString(), "-C", target.installDir().toString(),
                "--strip-components=1", "--no-same-owner"));
        must(Command.of("systemctl", "start", target.service()));
        if (!shell.isDryRun()) {
            awaitVersion(target, installed, backup);
        }
        say("done: " + archive.version() + " is running.");
        rollBackSteps(target, installed, backup).forEach(log::println);
        log.flush();
    }

    private String installedVersion(Target target) {
        Path jar = target.installDir().resolve("chatalot-server.jar");
        if (shell.run(Command.of("dpkg", "-S", jar.toString())).isSuccess() && !shell.isDryRun()) {
            throw new IllegalArgumentException("install-dir: " + target.installDir() + " belongs to the Debian "
                    + "package: upgrade it with apt (apt install ./chatalot_<version>_all.deb), which backs up too");
        }
        CommandResult result = shell.run(Command.of(target.launcher(), "--version"));
        if (!result.isSuccess() && !shell.isDryRun()) {
            throw new IllegalArgumentException("install-dir: no working Chatalot in " + target.installDir() + " ("
                    + result.output().strip() + "); for a first install unpack the archive there "
                    + "(docs/operations.md, \"Installing\")");
        }
        String output = result.output().strip();
        return output.startsWith("Chatalot ") ? output.substring("Chatalot ".length()) : "the installed version";
    }

    /** With the installed release's own command, which knows its data: online if it runs, offline if not. */
    private String backUp(Target target) {
        say("backing up the data before anything changes");
        CommandResult result = shell.run(Command.of(target.launcher(), "admin", "backup"));
        if (!result.isSuccess()) {
            throw new StepFailed("the backup failed, so nothing was changed: " + result.output().strip());
        }
        log.print(result.output());
        Matcher written = BACKUP.matcher(result.output());
        return written.find() ? written.group(1) : "DATA_DIR/backups/<the newest chatalot-backup-….zip>";
    }

    private void awaitVersion(Target target, String installed, String backup) {
        String wanted = target.archive().version();
        say("waiting for http://" + target.upstream() + "/api/health to answer " + wanted
                + " (the first start migrates the database)");
        long deadline = System.nanoTime() + startTimeout.toNanos();
        Optional<String> answering = Optional.empty();
        while (System.nanoTime() < deadline) {
            answering = health.healthyVersion(target.upstream());
            if (answering.filter(wanted::equals).isPresent()) {
                return;
            }
            pause();
        }
        rollBackSteps(target, installed, backup).forEach(log::println);
        log.flush();
        throw new StepFailed(wanted + " did not answer healthy within " + startTimeout.toSeconds() + " s"
                + answering.map(v -> " (" + v + " answers)").orElse("") + ": see journalctl -u " + target.service()
                + "; the steps above roll back to " + installed);
    }

    static List<String> rollBackSteps(Target target, String installed, String backup) {
        Path dir = target.installDir();
        return List.of("To roll back to " + installed + " (the data as it was before this upgrade):",
                "  systemctl stop " + target.service(),
                "  mv " + dir + " " + dir + ".failed && mv " + target.previousDir() + " " + dir,
                "  " + dir.resolve("bin/chatalot") + " admin restore " + backup,
                "  systemctl start " + target.service());
    }

    private void must(Command command) {
        CommandResult result = shell.run(command);
        if (!result.isSuccess()) {
            throw new StepFailed(command.display() + " failed: " + result.output().strip());
        }
    }

    private void say(String line) {
        log.println("upgrade: " + line);
        log.flush();
    }

    private static void pause() {
        try {
            Thread.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StepFailed("interrupted while waiting for the server");
        }
    }
}
