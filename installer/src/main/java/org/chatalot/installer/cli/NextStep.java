package org.chatalot.installer.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.chatalot.installer.exec.Command;
import org.chatalot.installer.plan.DeploySettings;

/**
 * The "next:" line after a proxy is installed: the whole {@code verify} command for what was just written, with
 * the same ports, upload size, upstream and files, and the CA to trust when it is a private one, so that pasting
 * it checks this front and its fixes name this front.
 */
final class NextStep {

    private NextStep() {
    }

    static String verify(DeploySettings settings, Optional<Path> siteFile, Optional<Path> certificate,
                         Optional<Path> caFile) {
        List<String> argv = new ArrayList<>(List.of("chatalot-install", "verify", "--url", settings.publicUrl(),
                "--http-port", Integer.toString(settings.httpPort()),
                "--max-file-size-mb", Integer.toString(settings.maxFileSizeMb()),
                "--upstream", settings.upstream()));
        siteFile.ifPresent(file -> argv.addAll(List.of("--site-file", file.toString())));
        certificate.ifPresent(file -> argv.addAll(List.of("--cert", file.toString())));
        caFile.ifPresent(file -> argv.addAll(List.of("--ca-file", file.toString())));
        return "next: " + Command.of(argv).display() + "\n"
                + "      (add --user ADMIN with the password in CHATALOT_PASSWORD to run the checks that sign in)";
    }

    /** The private CA beside a certificate made by {@code cert local-ca}, when there is one. */
    static Optional<Path> localCaBeside(Path certificate) {
        Path parent = certificate.toAbsolutePath().getParent();
        if (parent == null) {
            return Optional.empty();
        }
        Path ca = parent.resolve("ca.pem");
        return Files.isRegularFile(ca) ? Optional.of(ca) : Optional.empty();
    }
}
