package org.chatalot.installer.cli;

import java.io.PrintWriter;

import picocli.CommandLine;
import picocli.CommandLine.Command;

import org.chatalot.installer.apply.StepFailed;
import org.chatalot.model.ProductVersion;

/** {@code chatalot-install}: the entry point and the one place exceptions become exit codes. */
@Command(name = "chatalot-install", mixinStandardHelpOptions = true, versionProvider = InstallerCli.Version.class,
        description = "Deploys Chatalot behind a TLS proxy and checks the result.",
        subcommands = {PreflightCommand.class, NginxCommand.class, CaddyCommand.class, TraefikCommand.class,
            SystemdCommand.class, CertCommand.class, VerifyCommand.class, AllCommand.class, UpgradeCommand.class})
public final class InstallerCli {
    public static final int STEP_FAILED = 1;
    public static final int INVALID_INPUT = 2;
    /** Whether progress may be shown: only when a person watches a terminal. */
    final boolean isInteractive;

    /** The product's one version: the installer deploys the server of the same release. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"chatalot-install (" + ProductVersion.line() + ")"};
        }
    }

    private InstallerCli(boolean isInteractive) {
        this.isInteractive = isInteractive;
    }

    public static void main(String[] args) {
        System.exit(run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), Terminal.isInteractive(),
                args));
    }

    /** Runs with the given streams and no terminal (no progress lines); tests call this instead of {@link #main}. */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        return run(out, err, false, args);
    }

    /** Runs with the given streams; {@code interactive} allows progress lines on {@code err}. */
    public static int run(PrintWriter out, PrintWriter err, boolean interactive, String... args) {
        CommandLine cli = new CommandLine(new InstallerCli(interactive));
        cli.setOut(out).setErr(err);
        cli.setExecutionExceptionHandler((e, command, parsed) -> {
            command.getErr().println("chatalot-install: " + e.getMessage());
            command.getErr().flush();
            return e instanceof StepFailed ? STEP_FAILED : INVALID_INPUT;
        });
        return cli.execute(args);
    }
}
