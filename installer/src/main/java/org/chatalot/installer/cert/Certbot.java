package org.chatalot.installer.cert;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.chatalot.installer.exec.Command;

/**
 * certbot in webroot mode: it never edits the proxy configuration, only answers the HTTP-01 challenge
 * through the folder our nginx site serves, and reloads the proxy through its deploy hook after each
 * issuance and renewal. The certificate then lives in {@code CONFIG_DIR/live/DOMAIN/}.
 *
 * @param certbot    the certbot program
 * @param domain     the certificate's name
 * @param webroot    folder the proxy serves at {@code /.well-known/acme-challenge/}
 * @param email      account contact (expiry warnings); empty registers without one
 * @param server     ACME directory URL; empty for Let's Encrypt production
 * @param deployHook shell command certbot runs after a new certificate is saved
 * @param configDir  certbot's {@code --config-dir}; empty keeps /etc/letsencrypt
 * @param serverCa   CA bundle for the ACME server's own HTTPS, for a private ACME CA (step-ca, pebble)
 */
public record Certbot(Path certbot, String domain, Path webroot, Optional<String> email, Optional<String> server,
                      String deployHook, Optional<Path> configDir, Optional<Path> serverCa) {

    public Command certonly() {
        List<String> argv = new ArrayList<>(List.of(certbot.toString(), "certonly", "--non-interactive",
                "--agree-tos", "--webroot", "-w", webroot.toString(), "-d", domain, "--cert-name", domain,
                "--keep-until-expiring", "--deploy-hook", deployHook));
        argv.addAll(email.map(address -> List.of("-m", address)).orElse(List.of("--register-unsafely-without-email")));
        server.ifPresent(url -> argv.addAll(List.of("--server", url)));
        argv.addAll(dirOptions());
        return withServerCa(Command.of(argv));
    }

    /** What the renewal timer does, without the random start delay that makes it wait minutes. */
    public Command renewDryRun() {
        List<String> argv = new ArrayList<>(List.of(certbot.toString(), "renew", "--dry-run",
                "--no-random-sleep-on-renew", "--cert-name", domain));
        server.ifPresent(url -> argv.addAll(List.of("--server", url)));
        argv.addAll(dirOptions());
        return withServerCa(Command.of(argv));
    }

    /** certbot's HTTP library reads its trusted CAs from this variable; it has no option for it. */
    private Command withServerCa(Command command) {
        return serverCa.map(ca -> command.withEnvironment("REQUESTS_CA_BUNDLE", ca.toString())).orElse(command);
    }

    public Path liveDir() {
        return configDir.orElse(Path.of("/etc/letsencrypt")).resolve("live").resolve(domain);
    }

    public Path fullChain() {
        return liveDir().resolve("fullchain.pem");
    }

    public Path privateKey() {
        return liveDir().resolve("privkey.pem");
    }

    private List<String> dirOptions() {
        return configDir.map(dir -> List.of("--config-dir", dir.toString(),
                "--work-dir", dir.resolve("work").toString(),
                "--logs-dir", dir.resolve("logs").toString())).orElse(List.of());
    }
}
