package org.chatalot.installer.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import org.chatalot.installer.apply.StepFailed;
import org.chatalot.installer.cert.Certbot;
import org.chatalot.installer.exec.CommandResult;
import org.chatalot.installer.exec.Shell;

@Command(name = "certbot", description = "Issue with certbot in webroot mode (it never edits nginx) with a deploy "
        + "hook that reloads the proxy after every renewal.")
final class CertCertbotCommand implements Callable<Integer> {
    @Option(names = "--domain", required = true)
    String domain;

    @Option(names = "--webroot", defaultValue = "/var/www/acme", description = "Default: ${DEFAULT-VALUE}.")
    Path webroot;

    @Option(names = "--email", description = "Account contact for expiry mail.")
    String email;

    @Option(names = "--server", description = "ACME directory URL (default: Let's Encrypt).")
    String server;

    @Option(names = "--server-ca", description = "CA bundle for a private ACME server's HTTPS (step-ca, pebble).")
    Path serverCa;

    @Option(names = "--config-dir", description = "certbot's config dir (default: /etc/letsencrypt).")
    Path configDir;

    @Option(names = "--certbot", defaultValue = "certbot", description = "Default: ${DEFAULT-VALUE}.")
    Path certbot;

    @Option(names = "--reload-command", defaultValue = "systemctl reload nginx",
            description = "Default: ${DEFAULT-VALUE}.")
    String reloadCommand;

    @Mixin
    RunOptions run;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Confirm.before(run, "request a certificate for " + domain + " with certbot");
        PrintWriter out = spec.commandLine().getOut();
        Shell shell = run.shell(out);
        Certbot bot = new Certbot(certbot, domain, webroot, Optional.ofNullable(email), Optional.ofNullable(server),
                reloadCommand, Optional.ofNullable(configDir), Optional.ofNullable(serverCa));
        shell.createDirectories(webroot);
        CommandResult result = shell.run(bot.certonly());
        if (!result.isSuccess()) {
            throw new StepFailed("certbot failed:\n" + result.output().strip());
        }
        out.println("certificate: " + bot.fullChain() + ", key: " + bot.privateKey());
        out.println("use them with: chatalot-install nginx --domain " + domain + " --cert " + bot.fullChain()
                + " --key " + bot.privateKey());
        return 0;
    }
}
