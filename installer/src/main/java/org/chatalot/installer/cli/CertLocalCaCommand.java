package org.chatalot.installer.cli;

import java.io.PrintWriter;
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

import org.chatalot.installer.cert.LocalCa;

@Command(name = "local-ca", description = "A private CA (made once, then reused) and a server certificate it signs, "
        + "with instructions to trust the CA on each device.")
final class CertLocalCaCommand implements Callable<Integer> {
    @Option(names = "--domain", required = true)
    String domain;

    @Option(names = "--ip", description = "Also valid for this IP address (repeatable).")
    List<String> ips = List.of();

    @Option(names = "--cert-dir", defaultValue = "/etc/ssl/chatalot", description = "Default: ${DEFAULT-VALUE}.")
    Path certDir;

    @Mixin
    RunOptions run;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Confirm.before(run, "create or reuse the private CA in " + certDir);
        PrintWriter out = spec.commandLine().getOut();
        LocalCa.Result result = new LocalCa(run.shell(out), Clock.systemUTC()).ensure(certDir, List.of(domain), ips);
        out.println((result.isCaCreated() ? "created" : "reused") + " CA: " + result.files().caCertificate());
        out.println((result.isServerIssued() ? "issued" : "kept (still current)") + " server certificate: "
                + result.files().fullChain() + ", key: " + result.files().privateKey());
        out.print(LocalCa.trustInstructions(result.files(), Optional.of(result.caFingerprint())));
        out.println("Then serve it: chatalot-install nginx --domain " + domain + " --cert " + result.files().fullChain()
                + " --key " + result.files().privateKey() + " (its next: line is the complete verify command)");
        return 0;
    }
}
