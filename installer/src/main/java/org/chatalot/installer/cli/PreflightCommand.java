package org.chatalot.installer.cli;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import org.chatalot.installer.doctor.Finding;
import org.chatalot.installer.exec.SystemShell;
import org.chatalot.installer.preflight.Preflight;

@Command(name = "preflight", description = "Check this box: Java, ports, memory, disk, DNS, tools. Changes nothing.")
final class PreflightCommand implements Callable<Integer> {
    @Mixin
    SettingsOptions settings;

    @Option(names = "--proxy", defaultValue = "nginx",
            description = "nginx, caddy or traefik (default: ${DEFAULT-VALUE}).")
    String proxy;

    @Option(names = "--cert-method", description = "acme-sh, certbot, local-ca or self-signed, when decided: "
            + "acme-sh makes a missing cron a failure.")
    String certMethod;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        List<Finding> findings = new Preflight(new SystemShell(Duration.ofSeconds(10)),
                Preflight.thisMachine()).run(settings.toSettings(), proxy, Optional.ofNullable(certMethod));
        return Findings.print(spec.commandLine().getOut(), "Preflight for " + settings.domain, findings);
    }
}
