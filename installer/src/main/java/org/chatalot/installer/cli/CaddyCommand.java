package org.chatalot.installer.cli;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import org.chatalot.installer.apply.ProxyApply;
import org.chatalot.installer.plan.DeploySettings;
import org.chatalot.installer.plan.FileMode;
import org.chatalot.installer.plan.RenderedFile;
import org.chatalot.installer.proxy.CaddySite;

@Command(name = "caddy", description = "Write the Caddyfile, check it with caddy validate and reload Caddy.")
final class CaddyCommand implements Callable<Integer> {
    @Mixin
    SettingsOptions settings;

    @Mixin
    RunOptions run;

    @Option(names = "--caddyfile", defaultValue = "/etc/caddy/Caddyfile", description = "Default: ${DEFAULT-VALUE}.")
    Path caddyfile;

    @Option(names = "--internal-tls", description = "Use Caddy's own local CA (a box ACME cannot reach).")
    boolean internalTls;

    @Option(names = "--caddy", defaultValue = "caddy", description = "The caddy program (default: ${DEFAULT-VALUE}).")
    String caddy;

    @Option(names = "--reload-command", defaultValue = "systemctl reload caddy",
            description = "Default: ${DEFAULT-VALUE}.")
    String reloadCommand;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        DeploySettings deploy = settings.toSettings();
        Confirm.before(run, "install the Caddyfile for " + deploy.domain());
        RenderedFile file = new RenderedFile(caddyfile, CaddySite.render(deploy, internalTls), FileMode.PUBLIC);
        new ProxyApply(run.shell(spec.commandLine().getOut()), Clock.systemUTC(), spec.commandLine().getOut())
                .apply(file, Optional.empty(), new ProxyApply.Proxy("caddy", Commands.argv(
                        caddy, "validate", "--adapter", "caddyfile", "--config", caddyfile.toString()),
                        Commands.split(reloadCommand)));
        return 0;
    }
}
