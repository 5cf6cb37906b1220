package org.chatalot.installer.apply;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;

import org.chatalot.installer.exec.Command;
import org.chatalot.installer.exec.CommandResult;
import org.chatalot.installer.exec.FileInstaller;
import org.chatalot.installer.exec.Shell;
import org.chatalot.installer.plan.RenderedFile;

/**
 * Installs one proxy config: write (with backup), optionally enable by symlink, validate with the
 * proxy's checker, and reload only if the file changed. A config the checker rejects is rolled back,
 * so a typo never reaches the running proxy.
 */
public final class ProxyApply {
    private final Shell shell;
    private final FileInstaller files;
    private final PrintWriter log;

    public ProxyApply(Shell shell, Clock clock, PrintWriter log) {
        this.shell = shell;
        this.files = new FileInstaller(shell, clock);
        this.log = log;
    }

    /** The proxy's own programs: how to check a config and how to reload it. */
    public record Proxy(String name, Command validate, Command reload) {
    }

    public FileInstaller.Installed apply(RenderedFile file, Optional<Path> enableLink, Proxy proxy) {
        FileInstaller.Installed installed = files.install(file);
        log.println(installed.describe(shell.isDryRun()));
        enableLink.ifPresent(link -> shell.symlink(link, file.path()));
        CommandResult check = shell.run(proxy.validate());
        if (!check.isSuccess()) {
            rollBack(installed, enableLink);
            if (check.isNotFound()) {
                throw new StepFailed(proxy.name() + " was not found: could not run " + proxy.validate().display()
                        + " (" + check.output().strip() + "). Install " + proxy.name() + " or give its path with --"
                        + proxy.name().toLowerCase(Locale.ROOT) + "; the configuration has been rolled back.");
            }
            throw new StepFailed(proxy.name() + " rejected the configuration, which has been rolled back:\n"
                    + check.output().strip());
        }
        if (installed.isChanged()) {
            CommandResult reload = shell.run(proxy.reload());
            if (reload.isNotFound()) {
                throw new StepFailed("could not run the reload command " + proxy.reload().display() + " ("
                        + reload.output().strip() + "): the configuration is written and valid; give the command "
                        + "that reloads " + proxy.name() + " with --reload-command");
            }
            if (!reload.isSuccess()) {
                throw new StepFailed(proxy.name() + " reload failed: " + reload.output().strip());
            }
            log.println((shell.isDryRun() ? "would reload " : "reloaded ") + proxy.name());
        } else {
            log.println("unchanged: nothing to reload");
        }
        log.flush();
        return installed;
    }

    private void rollBack(FileInstaller.Installed installed, Optional<Path> enableLink) {
        files.undo(installed);
        if (installed.outcome() == FileInstaller.Outcome.CREATED) {
            enableLink.ifPresent(shell::delete);
        }
    }
}
