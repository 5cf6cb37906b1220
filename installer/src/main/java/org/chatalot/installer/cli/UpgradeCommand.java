package org.chatalot.installer.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import org.chatalot.installer.upgrade.HealthWatch;
import org.chatalot.installer.upgrade.ReleaseArchive;
import org.chatalot.installer.upgrade.Upgrade;

@Command(name = "upgrade", description = "Upgrade an install made from a release archive: back up, swap in the new "
        + "release, restart, wait for it to answer, and print how to roll back. (The Debian package upgrades itself "
        + "with apt.)")
final class UpgradeCommand implements Callable<Integer> {
    @Option(names = "--archive", required = true, description = "The new release: chatalot-<version>.tar.gz "
            + "(checked against the .sha256 file beside it).")
    Path archive;

    @Option(names = "--install-dir", defaultValue = "/opt/chatalot",
            description = "Where the installed release is (default: ${DEFAULT-VALUE}).")
    Path installDir;

    @Option(names = "--upstream", defaultValue = "127.0.0.1:8080",
            description = "The server's LISTEN_ADDR, to watch it come back (default: ${DEFAULT-VALUE}).")
    String upstream;

    @Option(names = "--service", defaultValue = "chatalot",
            description = "The systemd service (default: ${DEFAULT-VALUE}).")
    String service;

    @Option(names = "--start-timeout", defaultValue = "180",
            description = "Seconds the new version gets to answer (default: ${DEFAULT-VALUE}).")
    int startTimeoutSeconds;

    @Mixin
    RunOptions run;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        ReleaseArchive release = ReleaseArchive.open(archive.toAbsolutePath());
        Confirm.before(run, "upgrade " + installDir + " to " + release.version());
        new Upgrade(run.shell(spec.commandLine().getOut()), HealthWatch.http(), spec.commandLine().getOut(),
                Duration.ofSeconds(startTimeoutSeconds))
                .apply(new Upgrade.Target(installDir.toAbsolutePath(), release, service, upstream));
        return 0;
    }
}
