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

    @Option(names = "--server-ca", description = "CA bundle for a private ACME server's HTTPS (step-ca, pebble); "
            + "acme.sh keeps it for renewals (its --ca-bundle).")
    Path serverCa;

    @Option(names = "--reload-command", defaultValue = "systemctl reload nginx",
            description = "Default: ${DEFAULT-VALUE}.")
    String reloadCommand;

    @Option(names = "--crontab", defaultValue = "crontab", description = "The crontab program acme.sh's renewal job "
            + "lives in (default: ${DEFAULT-VALUE}).")
    String crontab;

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
        AcmeSh acme = new AcmeSh(script, domain, webroot, Optional.ofNullable(server), reloadCommand,
                Optional.ofNullable(serverCa), crontab);
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
        out.println("certificate: " + CertificateFiles.in(certDir).fullChain() + ", key: "
                + CertificateFiles.in(certDir).privateKey());
        ensureRenewal(shell, acme, out);
        return 0;
    }

    /**
     * A certificate that never renews fails in 90 days (or 6, for short-lived ones): when acme.sh's cron job is
     * missing and cannot be installed, that is a failure of this step, said plainly, not a success.
     */
    private void ensureRenewal(Shell shell, AcmeSh acme, PrintWriter out) {
        CommandResult cron = shell.run(acme.listCron());
        if (shell.isDryRun() || AcmeSh.hasRenewalCron(cron.output())) {
            return;
        }
        String howTo = " The certificate is installed but will not be renewed: install cron (apt install cron), then "
                + "run " + acme.installCron().display() + " (or renew from a systemd timer running "
                + acme.acmeSh() + " --cron).";
        if (cron.isNotFound()) {
            throw new StepFailed("no renewal job: " + crontab + " is not installed (" + cron.output().strip()
                    + ")." + howTo);
        }
        out.println("no acme.sh renewal cron job found: installing it");
        CommandResult install = shell.run(acme.installCron());
        if (!install.isSuccess() || !AcmeSh.hasRenewalCron(shell.run(acme.listCron()).output())) {
            throw new StepFailed("acme.sh could not install its renewal cron job (" + acme.installCron().display()
                    + " exited " + install.exitCode() + ": " + install.output().strip() + ")." + howTo);
        }
        out.println("renewal: acme.sh's cron job is installed");
    }
}
