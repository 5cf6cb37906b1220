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
import org.chatalot.installer.cert.AcmeSh;
import org.chatalot.installer.cert.CertificateFiles;
import org.chatalot.installer.exec.CommandResult;
import org.chatalot.installer.exec.Shell;

@Command(name = "acme-sh", description = "Issue with acme.sh over the nginx webroot, install key + full chain with a "
        + "reload command, and make sure the renewal cron job exists.")
final class CertAcmeShCommand implements Callable<Integer> {
    @Option(names = "--domain", required = true)
    String domain;

    @Option(names = "--webroot", defaultValue = "/var/www/acme", description = "Default: ${DEFAULT-VALUE}.")
    Path webroot;

    @Option(names = "--cert-dir", defaultValue = "/etc/ssl/chatalot", description = "Default: ${DEFAULT-VALUE}.")
    Path certDir;

    @Option(names = "--acme-sh", description = "acme.sh script (default: ~/.acme.sh/acme.sh).")
    Path acmeSh;

    @Option(names = "--server", description = "ACME directory URL or acme.sh CA name (default: acme.sh's).")
    String server;

    @Option(names = "--reload-command", defaultValue = "systemctl reload nginx",
            description = "Default: ${DEFAULT-VALUE}.")
    String reloadCommand;

    @Mixin
    RunOptions run;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Confirm.before(run, "request a certificate for " + domain + " with acme.sh");
        PrintWriter out = spec.commandLine().getOut();
        Shell shell = run.shell(out);
        Path script = acmeSh != null ? acmeSh : Path.of(System.getProperty("user.home"), ".acme.sh", "acme.sh");
        AcmeSh acme = new AcmeSh(script, domain, webroot, Optional.ofNullable(server), reloadCommand);
        shell.createDirectories(webroot);
        shell.createDirectories(certDir);
        CommandResult issue = shell.run(acme.issue());
        if (!issue.isSuccess() && issue.exitCode() != AcmeSh.EXIT_NOT_DUE) {
            throw new StepFailed("acme.sh --issue failed:\n" + issue.output().strip());
        }
        CommandResult install = shell.run(acme.installCert(CertificateFiles.in(certDir)));
        if (!install.isSuccess()) {
            throw new StepFailed("acme.sh --install-cert failed:\n" + install.output().strip());
        }
        CommandResult cron = shell.run(acme.listCron());
        if (!shell.isDryRun() && !AcmeSh.hasRenewalCron(cron.output())) {
            out.println("no acme.sh renewal cron job found: installing it");
            shell.run(acme.installCron());
        }
        out.println("certificate: " + CertificateFiles.in(certDir).fullChain() + ", key: "
                + CertificateFiles.in(certDir).privateKey());
        return 0;
    }
}
