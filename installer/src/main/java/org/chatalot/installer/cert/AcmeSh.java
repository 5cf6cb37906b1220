package org.chatalot.installer.cert;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.chatalot.installer.exec.Command;

/**
 * acme.sh command lines: issue over HTTP-01 through the proxy's webroot, then install the key and the
 * full chain (never the bare certificate: clients need the intermediate) with a reload command that
 * acme.sh's cron job repeats after every renewal.
 *
 * @param acmeSh    the acme.sh script (installed per user, usually {@code ~/.acme.sh/acme.sh})
 * @param domain    the certificate's name
 * @param webroot   folder the proxy serves at {@code /.well-known/acme-challenge/}
 * @param server    ACME directory URL or acme.sh short name; empty for acme.sh's default CA
 * @param reloadCmd what reloads the proxy, e.g. {@code systemctl reload nginx}
 * @param serverCa  CA bundle for a private ACME server's own HTTPS (step-ca, pebble): acme.sh's
 *                  {@code --ca-bundle}, which it keeps for renewals
 * @param crontab   the crontab program that lists the renewal job
 */
public record AcmeSh(Path acmeSh, String domain, Path webroot, Optional<String> server, String reloadCmd,
                     Optional<Path> serverCa, String crontab) {

    /** acme.sh exits with 2 when the certificate exists and is not due for renewal: not a failure. */
    public static final int EXIT_NOT_DUE = 2;

    public Command issue() {
        List<String> argv = new ArrayList<>(List.of(acmeSh.toString(), "--issue", "-d", domain,
                "--webroot", webroot.toString(), "--keylength", "ec-256"));
        server.ifPresent(url -> argv.addAll(List.of("--server", url)));
        serverCa.ifPresent(bundle -> argv.addAll(List.of("--ca-bundle", bundle.toString())));
        return Command.of(argv);
    }

    public Command installCert(CertificateFiles files) {
        List<String> argv = new ArrayList<>(List.of(acmeSh.toString(), "--install-cert", "-d", domain, "--ecc",
                "--key-file", files.privateKey().toString(),
                "--fullchain-file", files.fullChain().toString(),
                "--reloadcmd", reloadCmd));
        return Command.of(argv);
    }

    /** Lists the crontab; {@link #hasRenewalCron} reads the answer. */
    public Command listCron() {
        return Command.of(crontab, "-l");
    }

    public static boolean hasRenewalCron(String crontab) {
        return crontab.lines().map(String::strip).anyMatch(line -> !line.startsWith("#")
                && line.contains("acme.sh") && line.contains("--cron"));
    }

    /** Installs acme.sh's renewal cron when {@link #hasRenewalCron} found none. */
    public Command installCron() {
        return Command.of(acmeSh.toString(), "--install-cronjob");
    }
}
