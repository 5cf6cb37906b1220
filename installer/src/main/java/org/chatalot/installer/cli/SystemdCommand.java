package org.chatalot.installer.cli;

import java.time.Clock;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import org.chatalot.installer.systemd.SystemdApply;

@Command(name = "systemd", description = "Create the service user, data folder, unit and environment file (mode 600); "
        + "enable and (re)start the service.")
final class SystemdCommand implements Callable<Integer> {
    @Mixin
    SettingsOptions settings;

    @Mixin
    RunOptions run;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Confirm.before(run, "install the chatalot service");
        new SystemdApply(run.shell(spec.commandLine().getOut()), Clock.systemUTC(), spec.commandLine().getOut())
                .apply(settings.toSettings());
        return 0;
    }
}
