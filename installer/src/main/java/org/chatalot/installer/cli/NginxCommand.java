package org.chatalot.installer.cli;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import org.chatalot.installer.apply.ProxyApply;
import org.chatalot.installer.exec.Shell;
import org.chatalot.installer.plan.DeploySettings;
import org.chatalot.installer.plan.RenderedFile;
import org.chatalot.installer.proxy.NginxSite;

@Command(name = "nginx", description = "Write the nginx site, enable it, check it with nginx -t and reload nginx.")
final class NginxCommand implements Callable<Integer> {
    @Mixin
    SettingsOptions settings;

    @Mixin
    RunOptions run;

    @Option(names = "--sites-available", defaultValue = "/etc/nginx/sites-available",
            description = "Default: ${DEFAULT-VALUE}.")
    Path sitesAvailable;

    @Option(names = "--sites-enabled", defaultValue = "/etc/nginx/sites-enabled",
            description = "Default: ${DEFAULT-VALUE}.")
    Path sitesEnabled;

    @Option(names = "--nginx", defaultValue = "nginx", description = "The nginx program (default: ${DEFAULT-VALUE}).")
    String nginx;

    @Option(names = "--reload-command", defaultValue = "systemctl reload nginx",
            description = "Default: ${DEFAULT-VALUE}.")
    String reloadCommand;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        DeploySettings deploy = settings.toSettings();
        Confirm.before(run, "install the nginx site for " + deploy.domain());
        Shell shell = run.shell(spec.commandLine().getOut());
        RenderedFile site = NginxSite.file(deploy, sitesAvailable);
        shell.createDirectories(deploy.acmeWebroot());
        new ProxyApply(shell, Clock.systemUTC(), spec.commandLine().getOut()).apply(site,
                Optional.of(sitesEnabled.resolve(site.path().getFileName())),
                new ProxyApply.Proxy("nginx", Commands.argv(nginx, "-t"),
                        Commands.split(reloadCommand)));
        spec.commandLine().getOut().println("next: chatalot-install verify --domain " + deploy.domain()
                + (deploy.httpsPort() == 443 ? "" : " --https-port " + deploy.httpsPort()));
        return 0;
    }
}
