package org.chatalot.installer.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The guided sequence: preflight, systemd, certificate, nginx, verify. Each step is the command of the same
 * name with the same options, so {@code all} can never drift from running them one by one. ACME needs nginx
 * serving the challenge before the certificate exists, and nginx will not start without one: so a
 * short-lived self-signed placeholder goes first, and the real certificate replaces it.
 */
@Command(name = "all", description = "preflight, systemd, cert, nginx and verify in one go.")
final class AllCommand implements Callable<Integer> {
    @Mixin
    SettingsOptions settings;

    @Mixin
    RunOptions run;

    @Option(names = "--cert-method", defaultValue = "certbot",
            description = "acme-sh, certbot, local-ca or self-signed (default: ${DEFAULT-VALUE}).")
    String certMethod;

    @Option(names = "--email", description = "ACME account contact (certbot).")
    String email;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (!certMethod.matches("acme-sh|certbot|local-ca|self-signed")) {
            throw new IllegalArgumentException("cert-method: expected acme-sh, certbot, local-ca or self-signed, got "
                    + certMethod);
        }
        if (settings.httpPort == 0 && certMethod.matches("acme-sh|certbot")) {
            throw new IllegalArgumentException("http-port: ACME's HTTP-01 challenge needs a plain-HTTP port; "
                    + "use --cert-method local-ca or self-signed for a front without one");
        }
        Confirm.before(run, "deploy Chatalot for " + settings.domain + " (service, certificate, nginx)");
        CommandLine root = spec.root().commandLine();
        PrintWriter out = spec.commandLine().getOut();
        List<String> preflightArgs = new ArrayList<>(common(false));
        preflightArgs.addAll(List.of("--cert-method", certMethod));
        int preflight = step(root, out, "preflight", preflightArgs);
        if (preflight == 2 && !run.dryRun) {
            out.println("preflight found problems: fix them first (or look with --dry-run)");
            return 1;
        }
        for (List<String> args : plan()) {
            int code = step(root, out, args.get(0), args);
            if (code != 0) {
                return code;
            }
        }
        return run.dryRun ? 0 : step(root, out, "verify", verifyArgs());
    }

    /** The same complete verify command the nginx step prints as its "next:" line. */
    private List<String> verifyArgs() {
        List<String> args = new ArrayList<>(List.of("verify", "--domain", settings.domain,
                "--https-port", Integer.toString(settings.httpsPort), "--http-port",
                Integer.toString(settings.httpPort), "--max-file-size-mb", Integer.toString(settings.maxFileSizeMb),
                "--upstream", settings.upstream,
                "--site-file", "/etc/nginx/sites-available/chatalot-" + settings.domain + ".conf"));
        if (certMethod.equals("local-ca")) {
            args.addAll(List.of("--ca-file", "/etc/ssl/chatalot/ca.pem"));
        }
        return args;
    }

    private List<List<String>> plan() {
        List<List<String>> steps = new ArrayList<>();
        steps.add(withRun(List.of("systemd")));
        boolean acme = certMethod.matches("certbot|acme-sh");
        if (acme) {
            List<String> placeholder = new ArrayList<>(List.of("cert", "self-signed", "--domain", settings.domain,
                    "--days", "2", "--yes"));
            if (run.dryRun) {
                placeholder.add("--dry-run");
            }
            steps.add(placeholder);
            steps.add(withRun(List.of("nginx")));
        }
        steps.add(certArgs());
        if (!acme || certMethod.equals("certbot")) {
            List<String> nginx = new ArrayList<>(withRun(List.of("nginx")));
            if (certMethod.equals("certbot") && settings.certificate == null) {
                String live = "/etc/letsencrypt/live/" + settings.domain;
                nginx.addAll(List.of("--cert", live + "/fullchain.pem", "--key", live + "/privkey.pem"));
            }
            steps.add(nginx);
        }
        return steps;
    }

    private List<String> certArgs() {
        List<String> args = new ArrayList<>(List.of("cert", certMethod, "--domain", settings.domain));
        if (certMethod.equals("certbot") && email != null) {
            args.addAll(List.of("--email", email));
        }
        if (certMethod.matches("certbot|acme-sh")) {
            args.addAll(List.of("--webroot", settings.webroot.toString()));
        }
        if (run.dryRun) {
            args.add("--dry-run");
        }
        args.add("--yes");
        return args;
    }

    private List<String> withRun(List<String> command) {
        List<String> args = new ArrayList<>(command);
        args.addAll(common(true).subList(1, common(true).size()));
        return args;
    }

    private List<String> common(boolean applies) {
        List<String> args = new ArrayList<>(List.of("x", "--domain", settings.domain,
                "--https-port", Integer.toString(settings.httpsPort),
                "--http-port", Integer.toString(settings.httpPort),
                "--upstream", settings.upstream, "--max-file-size-mb", Integer.toString(settings.maxFileSizeMb),
                "--webroot", settings.webroot.toString(), "--data-dir", settings.dataDir.toString(),
                "--install-dir", settings.installDir.toString(), "--service-user", settings.serviceUser,
                "--java", settings.java.toString()));
        if (settings.certificate != null) {
            args.addAll(List.of("--cert", settings.certificate.toString()));
        }
        if (settings.privateKey != null) {
            args.addAll(List.of("--key", settings.privateKey.toString()));
        }
        if (settings.listenAddress != null) {
            args.addAll(List.of("--listen-address", settings.listenAddress));
        }
        if (applies) {
            args.add("--yes");
            if (run.dryRun) {
                args.add("--dry-run");
            }
        }
        return args;
    }

    private int step(CommandLine root, PrintWriter out, String name, List<String> args) {
        out.println("== " + name + " ==");
        out.flush();
        List<String> full = new ArrayList<>(args);
        full.set(0, name);
        return root.execute(full.toArray(String[]::new));
    }
}
