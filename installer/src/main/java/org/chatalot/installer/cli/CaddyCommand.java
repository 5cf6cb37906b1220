package org.chatalot.installer.cli;

import java.io.PrintWriter;
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
import org.chatalot.installer.cert.TrustInstructions;
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

    @Option(names = "--internal-tls", description = "Use Caddy's own local CA (a box ACME cannot reach). Without "
            + "--http-port, Caddy then opens no plain-HTTP port at all.")
    boolean internalTls;

    @Option(names = "--install-trust", description = "With --internal-tls: let Caddy add its CA to this machine's "
            + "trust store (it does not by default).")
    boolean installTrust;

    @Option(names = "--caddy-data", defaultValue = "/var/lib/caddy/.local/share/caddy",
            description = "Caddy's data folder, where its internal CA lives (default: ${DEFAULT-VALUE}, Debian's "
                    + "caddy service).")
    Path caddyData;

    @Option(names = "--caddy", defaultValue = "caddy", description = "The caddy program (default: ${DEFAULT-VALUE}).")
    String caddy;

    @Option(names = "--reload-command", defaultValue = "systemctl reload caddy",
            description = "Default: ${DEFAULT-VALUE}.")
    String reloadCommand;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (installTrust && !internalTls) {
            throw new IllegalArgumentException("install-trust: only with --internal-tls");
        }
        boolean httpPortGiven = spec.commandLine().getParseResult().hasMatchedOption("--http-port");
        DeploySettings deploy = internalTls && !httpPortGiven ? settings.toSettings(0) : settings.toSettings();
        Confirm.before(run, "install the Caddyfile for " + deploy.domain());
        PrintWriter out = spec.commandLine().getOut();
        RenderedFile file = new RenderedFile(caddyfile, CaddySite.render(deploy, new CaddySite.Tls(internalTls,
                installTrust)), FileMode.PUBLIC);
        new ProxyApply(run.shell(out), Clock.systemUTC(), out)
                .apply(file, Optional.empty(), new ProxyApply.Proxy("caddy", Commands.argv(
                        caddy, "validate", "--adapter", "caddyfile", "--config", caddyfile.toString()),
                        Commands.split(reloadCommand)));
        Optional<Path> root = Optional.empty();
        if (internalTls) {
            root = Optional.of(caddyData.resolve("pki/authorities/local/root.crt"));
            out.println("Caddy's own CA signs the site (12-hour certificates it renews itself); its root is "
                    + root.get() + " once Caddy has started.");
            out.print(TrustInstructions.forCa(root.get(), Optional.empty(), Optional.empty()));
        }
        out.println(NextStep.verify(deploy, Optional.of(caddyfile), Optional.empty(), root));
        return 0;
    }
}
