package org.chatalot.admin.cli;

import java.io.PrintWriter;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import org.chatalot.admin.connection.TrustMode;
import org.chatalot.admin.doctor.CheckRequest;
import org.chatalot.admin.doctor.DeploymentChecks;
import org.chatalot.admin.doctor.ReportExport;
import org.chatalot.installer.doctor.DoctorReport;
import org.chatalot.installer.doctor.DoctorRequest;
import org.chatalot.installer.doctor.Finding;
import org.chatalot.installer.doctor.ProgressListener;
import org.chatalot.installer.doctor.Severity;

/**
 * {@code check URL}: the deployment doctor's checks (the same as {@code chatalot-install verify}); exit 0 all pass,
 * 1 warnings, 2 failures, 3 when nothing answered at the URL at all.
 */
@Command(name = "check", description = "Check TLS and the deployment at URL. Exit 0 pass, 1 warn, 2 fail, "
        + "3 nothing answered, 64 bad arguments.")
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
            description = "the plain-HTTP port that should redirect to HTTPS (default: ${DEFAULT-VALUE}; 0: none)")
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
        CheckRequest request = new CheckRequest(url, trustMode(), Optional.ofNullable(token)
                .filter(value -> !value.isBlank()), validated(), Optional.ofNullable(maxFileSizeMb),
                Duration.ofSeconds(idleSeconds), Duration.ofSeconds(timeoutSeconds));
        AdminCli root = (AdminCli) spec.root().userObject();
        PrintWriter err = spec.commandLine().getErr();
        DoctorReport report = checks.run(request, root.isInteractive ? progress(err) : ProgressListener.NONE);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(new ReportExport().json(report));
        } else {
            print(out, report);
        }
        out.flush();
        return isUnreachable(report) ? AdminCli.ERROR : report.exitCode();
    }

    /** The options' values in range, named when not; the plain-HTTP port, which goes to the request as is. */
    private int validated() {
        try {
            DoctorRequest.defaults(url);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "URL: " + e.getMessage().replaceFirst("^url: ", ""));
        }
        require(httpPort >= 0 && httpPort <= 65535, "--http-port: expected 1 to 65535, or 0 for none, got " + httpPort);
        require(idleSeconds >= 1 && idleSeconds <= 3600, "--idle-seconds: expected 1 to 3600, got " + idleSeconds);
        require(timeoutSeconds >= 1 && timeoutSeconds <= 300, "--timeout: expected 1 to 300, got " + timeoutSeconds);
        require(maxFileSizeMb == null || maxFileSizeMb >= 1, "--max-file-size-mb: expected at least 1, got "
                + maxFileSizeMb);
        return httpPort;
    }

    private TrustMode trustMode() {
        return (trust == null ? new TrustOptions() : trust).validMode(spec.commandLine());
    }

    private void require(boolean isValid, String problem) {
        if (!isValid) {
            throw new ParameterException(spec.commandLine(), problem);
        }
    }

    /** The name does not resolve or nothing listens on the HTTPS port: there was nothing to check. */
    static boolean isUnreachable(DoctorReport report) {
        return Stream.of("dns.resolve", "tcp.https").map(report::finding).flatMap(Optional::stream)
                .anyMatch(finding -> finding.severity() == Severity.FAIL);
    }

    /** One line per check as it starts, overwritten in place: for a person at a terminal only. */
    private static ProgressListener progress(PrintWriter err) {
        return new ProgressListener() {
            @Override
            public void started(String id, String title) {
                err.print("\rchecking " + title + "…\u001b[K");
                err.flush();
            }

            @Override
            public void finished(Finding finding) {
                err.print("\r\u001b[K");
                err.flush();
            }
        };
    }

    private static void print(PrintWriter out, DoctorReport report) {
        out.println("Checked " + report.url() + " in " + report.took().toMillis() + " ms");
        for (Finding finding : report.findings()) {
            out.printf(Locale.ROOT, "%-5s %-18s %s%n", finding.severity().label().toUpperCase(Locale.ROOT),
                    finding.id(), finding.title());
            out.printf(Locale.ROOT, "      %s%n", finding.evidence());
            if (!finding.fix().isBlank()) {
                finding.fix().strip().lines().forEach(line -> out.printf(Locale.ROOT, "      fix: %s%n", line));
            }
        }
        String result = report.worst() == Severity.SKIP ? Severity.PASS.label() : report.worst().label();
        out.println("Result: " + result + (isUnreachable(report) ? " (nothing answered at "
                + report.url() + ")" : ""));
    }
}
