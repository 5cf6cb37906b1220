package org.chatalot.admin.cli;

import java.io.PrintWriter;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;

import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import org.chatalot.admin.doctor.CheckRequest;
import org.chatalot.admin.doctor.DeploymentChecks;
import org.chatalot.admin.doctor.ReportExport;
import org.chatalot.installer.doctor.DoctorReport;
import org.chatalot.installer.doctor.Finding;
import org.chatalot.installer.doctor.ProgressListener;

/**
 * {@code check URL}: the deployment doctor's checks (the same as {@code chatalot-install verify}); exit 0 all pass,
 * 1 warnings, 2 failures.
 */
@Command(name = "check", description = "Check TLS and the deployment at URL. Exit 0 pass, 1 warn, 2 fail.")
final class CheckCommand implements Callable<Integer> {
    private final DeploymentChecks checks;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "URL", description = "the public URL, e.g. https://chat.example.com")
    URI url;

    @ArgGroup(exclusive = true)
    TrustOptions trust = new TrustOptions();

    @Option(names = "--json", description = "print the report as JSON")
    boolean json;

    @Option(names = "--token", paramLabel = "TOKEN", defaultValue = "${env:CHATALOT_TOKEN}",
            description = "an access token: a user's lets the WebSocket checks sign in, an admin's also the"
                    + " forwarded-header and PUBLIC_URL checks (default: $CHATALOT_TOKEN)")
    String token;

    @Option(names = "--http-port", paramLabel = "PORT", defaultValue = "80",
            description = "the plain-HTTP port that should redirect to HTTPS (default: ${DEFAULT-VALUE})")
    int httpPort;

    @Option(names = "--max-file-size-mb", paramLabel = "MB",
            description = "the upload size the proxy must accept (default: what the server announces)")
    Integer maxFileSizeMb;

    @Option(names = "--idle-seconds", paramLabel = "SECONDS", defaultValue = "75",
            description = "how long the idle WebSocket is held (default: ${DEFAULT-VALUE}, past nginx's 60 s)")
    int idleSeconds;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "10", description = "per network step")
    int timeoutSeconds;

    CheckCommand(DeploymentChecks checks) {
        this.checks = checks;
    }

    @Override
    public Integer call() throws InterruptedException {
        CheckRequest request = new CheckRequest(url, (trust == null ? new TrustOptions() : trust).mode(),
                Optional.ofNullable(token).filter(value -> !value.isBlank()), httpPort,
                Optional.ofNullable(maxFileSizeMb), Duration.ofSeconds(idleSeconds), Duration.ofSeconds(timeoutSeconds));
        DoctorReport report = checks.run(request, ProgressListener.NONE);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(new ReportExport().json(report));
        } else {
            print(out, report);
        }
        out.flush();
        return report.exitCode();
    }

    private static void print(PrintWriter out, DoctorReport report) {
        out.println("Checked " + report.url() + " in " + report.took().toMillis() + " ms");
        for (Finding finding : report.findings()) {
            out.printf(Locale.ROOT, "%-5s %-18s %s%n", finding.severity().label().toUpperCase(Locale.ROOT),
                    finding.id(), finding.title());
            out.printf(Locale.ROOT, "      %s%n", finding.evidence());
            if (!finding.fix().isBlank()) {
                out.printf(Locale.ROOT, "      fix: %s%n", finding.fix());
            }
        }
        out.println("Result: " + report.worst().label());
    }
}
