package org.chatalot.installer.cli;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import org.chatalot.installer.apply.ProxyApply;
import org.chatalot.installer.apply.StepFailed;
import org.chatalot.installer.exec.CommandResult;
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

    @Option(names = "--nginx-prefix", description = "nginx's prefix (-p) for an install outside /etc/nginx, "
            + "e.g. /usr/local/nginx.")
    Path prefix;

    @Option(names = "--nginx-conf", description = "nginx's main configuration (-c), e.g. "
            + "/usr/local/nginx/conf/nginx.conf; it must include --sites-enabled.")
    Path mainConf;

    @Option(names = "--reload-command", description = "Default: systemctl reload nginx, or nginx -s reload with "
            + "the same -p/-c when --nginx-prefix or --nginx-conf is given.")
    String reloadCommand;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        DeploySettings deploy = settings.toSettings();
        Confirm.before(run, "install the nginx site for " + deploy.domain());
        Shell shell = run.shell(spec.commandLine().getOut());
        RenderedFile site = NginxSite.file(deploy, sitesAvailable);
        Path link = sitesEnabled.resolve(site.path().getFileName());
        if (deploy.hasHttpPort()) {
            shell.createDirectories(deploy.acmeWebroot());
        }
        new ProxyApply(shell, Clock.systemUTC(), spec.commandLine().getOut()).apply(site, Optional.of(link),
                new ProxyApply.Proxy("nginx", Commands.argv(nginx(List.of("-t"))), reload()));
        if (!shell.isDryRun()) {
            requireIncluded(shell, site.path(), link);
        }
        spec.commandLine().getOut().println(NextStep.verify(deploy, Optional.of(site.path()),
                Optional.of(deploy.certificate()), NextStep.localCaBeside(deploy.certificate())));
        return 0;
    }

    /** nginx with the prefix and main configuration given, then {@code args}. */
    private String[] nginx(List<String> args) {
        List<String> argv = new ArrayList<>(List.of(nginx));
        if (prefix != null) {
            argv.addAll(List.of("-p", prefix.toString()));
        }
        if (mainConf != null) {
            argv.addAll(List.of("-c", mainConf.toString()));
        }
        argv.addAll(args);
        return argv.toArray(String[]::new);
    }

    private org.chatalot.installer.exec.Command reload() {
        if (reloadCommand != null) {
            return Commands.split(reloadCommand);
        }
        return prefix != null || mainConf != null ? Commands.argv(nginx(List.of("-s", "reload")))
                : Commands.argv("systemctl", "reload", "nginx");
    }

    /**
     * A site nginx never reads passes {@code nginx -t} all the same: on an install whose main configuration does
     * not include {@code sites-enabled} (a source build, another distribution) say so instead of "done".
     */
    private void requireIncluded(Shell shell, Path site, Path link) {
        CommandResult dump = shell.run(Commands.argv(nginx(List.of("-T"))));
        String output = dump.output();
        if (dump.isSuccess() && !output.contains("# configuration file " + link + ":")
                && !output.contains("# configuration file " + site + ":")) {
            throw new StepFailed("nginx does not read " + link + ": add \"include " + sitesEnabled
                    + "/*;\" inside the http { } block of " + (mainConf != null ? mainConf.toString()
                    : "nginx's main configuration (nginx -V shows --conf-path)") + ", or give --sites-enabled a "
                    + "folder it includes; then run this again.");
        }
    }
}
