package org.chatalot.installer.systemd;

import java.io.PrintWriter;
import java.time.Clock;
import java.util.List;

import org.chatalot.installer.apply.StepFailed;
import org.chatalot.installer.exec.Command;
import org.chatalot.installer.exec.CommandResult;
import org.chatalot.installer.exec.FileInstaller;
import org.chatalot.installer.exec.Shell;
import org.chatalot.installer.plan.DeploySettings;
import org.chatalot.installer.plan.RenderedFile;

/**
 * The service user (system account, no shell, no login), DATA_DIR owned by it with mode 700, the unit and
 * env file, then daemon-reload and enable; a restart only when a file changed.
 */
public final class SystemdApply {
    private final Shell shell;
    private final FileInstaller files;
    private final PrintWriter log;

    public SystemdApply(Shell shell, Clock clock, PrintWriter log) {
        this.shell = shell;
        this.files = new FileInstaller(shell, clock);
        this.log = log;
    }

    public void apply(DeploySettings settings) {
        String user = settings.serviceUser();
        if (shell.isDryRun() || !shell.run(Command.of("id", "-u", user)).isSuccess()) {
            must(Command.of("useradd", "--system", "--user-group", "--home-dir", settings.dataDir().toString(),
                    "--no-create-home", "--shell", "/usr/sbin/nologin", user));
        }
        shell.createDirectories(settings.dataDir());
        must(Command.of("chown", user + ":" + user, settings.dataDir().toString()));
        must(Command.of("chmod", "700", settings.dataDir().toString()));
        boolean changed = false;
        for (RenderedFile file : SystemdService.files(settings)) {
            FileInstaller.Installed installed = files.install(file);
            log.println(installed.describe(shell.isDryRun()) + " (mode " + file.mode().octal() + ")");
            changed |= installed.isChanged();
        }
        // An env file left from before may be world-readable: it can hold secrets, so tighten it every run.
        must(Command.of("chmod", "600", SystemdService.ENV_FILE.toString()));
        must(Command.of("systemctl", "daemon-reload"));
        must(Command.of("systemctl", "enable", "chatalot.service"));
        must(Command.of("systemctl", changed ? "restart" : "start", "chatalot.service"));
        log.println("service: systemctl status chatalot, logs: journalctl -u chatalot");
        log.flush();
    }

    private void must(Command command) {
        CommandResult result = shell.run(command);
        if (!result.isSuccess()) {
            throw new StepFailed(String.join(" ", List.of(command.display(), "failed:", result.output().strip())));
        }
    }
}
