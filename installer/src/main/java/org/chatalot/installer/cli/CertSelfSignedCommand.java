package org.chatalot.installer.cli;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import org.chatalot.installer.cert.CertificateFiles;
import org.chatalot.installer.cert.SelfSigned;

@Command(name = "self-signed", description = "A self-signed certificate for a quick test (every client will warn).")
final class CertSelfSignedCommand implements Callable<Integer> {
    @Option(names = "--domain", required = true)
    String domain;

    @Option(names = "--ip", description = "Also valid for this IP address (repeatable).")
    List<String> ips = List.of();

    @Option(names = "--days", defaultValue = "30", description = "Default: ${DEFAULT-VALUE}.")
    int days;

    @Option(names = "--cert-dir", defaultValue = "/etc/ssl/chatalot", description = "Default: ${DEFAULT-VALUE}.")
    Path certDir;

    @Mixin
    RunOptions run;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (days < 1 || days > 397) {
            throw new IllegalArgumentException("days: expected 1 to 397 (browsers refuse longer), got " + days);
        }
        Confirm.before(run, "write a self-signed certificate to " + certDir);
        CertificateFiles files = new SelfSigned(run.shell(spec.commandLine().getOut()), Clock.systemUTC())
                .create(certDir, List.of(domain), ips, Duration.ofDays(days));
        spec.commandLine().getOut().println("certificate: " + files.fullChain() + ", key: " + files.privateKey()
                + "\nclients must pin it: chatalot-install verify --pin SHA256 (shown by verify) or trust it manually");
        return 0;
    }
}
