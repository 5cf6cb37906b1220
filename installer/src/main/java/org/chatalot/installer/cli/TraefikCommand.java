package org.chatalot.installer.cli;

import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import org.chatalot.installer.exec.FileInstaller;
import org.chatalot.installer.exec.Shell;
import org.chatalot.installer.plan.FileMode;
import org.chatalot.installer.plan.RenderedFile;
import org.chatalot.installer.proxy.TraefikLabels;

@Command(name = "traefik", description = "Write docker-compose.override.yml with Traefik labels (and scripts/deploy).")
final class TraefikCommand implements Callable<Integer> {
    @Mixin
    SettingsOptions settings;

    @Mixin
    RunOptions run;

    @Option(names = "--output", defaultValue = "docker-compose.override.yml",
            description = "Default: ${DEFAULT-VALUE}.")
    Path output;

    @Option(names = "--deploy-script", description = "Also write the deploy helper into DIR/scripts/deploy.")
    Path projectDir;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Confirm.before(run, "write " + output);
        Shell shell = run.shell(spec.commandLine().getOut());
        FileInstaller files = new FileInstaller(shell, Clock.systemUTC());
        report(files.install(new RenderedFile(output.toAbsolutePath(), TraefikLabels.render(settings.toSettings()),
                FileMode.PUBLIC)));
        if (projectDir != null) {
            report(files.install(TraefikLabels.deployScript(projectDir.toAbsolutePath())));
        }
        spec.commandLine().getOut().println("next: docker compose up -d");
        return 0;
    }

    private void report(FileInstaller.Installed installed) {
        spec.commandLine().getOut().println(installed.describe(run.dryRun));
    }
}
