package org.chatalot.installer.cli;

import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import org.chatalot.installer.doctor.Doctor;
import org.chatalot.installer.doctor.DoctorReport;
import org.chatalot.installer.doctor.DoctorRequest;
import org.chatalot.installer.doctor.Finding;
import org.chatalot.installer.doctor.ProgressListener;
import org.chatalot.installer.doctor.ReportWriter;
import org.chatalot.installer.tls.TrustMode;

@Command(name = "verify", description = "Run the deployment doctor against the public URL. "
        + "Exit code 0 all passed, 1 warnings, 2 failures.")
final class VerifyCommand implements Callable<Integer> {
    @Option(names = "--domain", description = "Host to check (or give --url).")
    String domain;

    @Option(names = "--url", description = "Full public URL, e.g. https://chat.example.com:8443.")
    URI url;

    @Option(names = "--https-port", defaultValue = "443")
    int httpsPort;

    @Option(names = "--http-port", defaultValue = "80",
            description = "Port that should redirect (default: ${DEFAULT-VALUE}; 0: the front has none).")
    int httpPort;

    @Option(names = "--upstream", description = "Where the proxy forwards to (the server's LISTEN_ADDR), for the "
            + "fixes; the server reports it to an admin's token anyway.")
    String upstream;

    @Option(names = "--site-file", description = "The proxy's config file for this site, for the fixes.")
    Path siteFile;

    @Option(names = "--cert", description = "The certificate file the proxy serves, for the fixes.")
    Path certificate;

    @Option(names = "--max-file-size-mb", defaultValue = "100", description = "The server's MAX_FILE_SIZE_MB.")
    int maxFileSizeMb;

    @Option(names = "--ca-file", description = "Trust only this CA (PEM), e.g. the local CA's ca.pem.")
    Path caFile;

    @Option(names = "--pin", description = "Trust only the certificate with this SHA-256 fingerprint.")
    String pin;

    @Option(names = "--token-env", description = "Environment variable holding an access token (an admin's unlocks "
            + "the forwarded-header and PUBLIC_URL checks).")
    String tokenEnv;

    @Option(names = "--user", description = "Log in as this user; the password is read from CHATALOT_PASSWORD.")
    String user;

    @Option(names = "--idle-seconds", defaultValue = "75",
            description = "Idle WebSocket hold (default: ${DEFAULT-VALUE}).")
    int idleSeconds;

    @Option(names = "--format", defaultValue = "text",
            description = "text, markdown or json (default: ${DEFAULT-VALUE}).")
    String format;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        DoctorRequest request = request();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        boolean interactive = ((InstallerCli) spec.root().userObject()).isInteractive;
        ProgressListener progress = interactive && format.equals("text") ? new ProgressListener() {
            @Override
            public void started(String id, String title) {
                err.print("checking " + title + "…\r");
                err.flush();
            }

            @Override
            public void finished(Finding finding) {
                err.print(" ".repeat(80) + "\r");
            }
        } : ProgressListener.NONE;
        DoctorReport report = Doctor.run(request, progress);
        out.print(switch (format) {
            case "markdown" -> ReportWriter.markdown(report);
            case "json" -> ReportWriter.json(report);
            default -> ReportWriter.text(report);
        });
        out.flush();
        return report.exitCode();
    }

    private DoctorRequest request() {
        if (!format.matches("text|markdown|json")) {
            throw new IllegalArgumentException("format: expected text, markdown or json, got " + format);
        }
        if ((url == null) == (domain == null)) {
            throw new IllegalArgumentException("give either --domain or --url");
        }
        if (caFile != null && pin != null) {
            throw new IllegalArgumentException("give --ca-file or --pin, not both");
        }
        URI target = url != null ? url : URI.create("https://" + domain + (httpsPort == 443 ? "" : ":" + httpsPort));
        TrustMode trust = caFile != null ? TrustMode.caFile(caFile) : pin != null ? TrustMode.pinned(pin)
                : TrustMode.system();
        DoctorRequest request = DoctorRequest.defaults(target).withTrust(trust).withHttpPort(httpPort)
                .withMaxFileSizeMb(maxFileSizeMb).withIdle(Duration.ofSeconds(idleSeconds))
                .withLayout(new DoctorRequest.Layout(Optional.ofNullable(upstream), Optional.ofNullable(siteFile),
                        Optional.ofNullable(certificate)));
        if (tokenEnv != null) {
            request = request.withAccessToken(Optional.ofNullable(System.getenv(tokenEnv)).orElseThrow(
                    () -> new IllegalArgumentException("token-env: " + tokenEnv + " is not set")));
        }
        if (user != null) {
            String password = Optional.ofNullable(System.getenv("CHATALOT_PASSWORD")).orElseThrow(
                    () -> new IllegalArgumentException("user: set CHATALOT_PASSWORD to the password"));
            request = request.withLogin(new DoctorRequest.Login(user, password,
                    Optional.ofNullable(System.getenv("CHATALOT_TOTP"))));
        }
        return request;
    }
}
