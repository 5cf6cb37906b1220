package org.chatalot.admin.cli;

import java.io.PrintWriter;
import java.time.Clock;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import org.chatalot.admin.doctor.DeploymentChecks;
import org.chatalot.admin.doctor.DoctorChecks;
import org.chatalot.model.ProductVersion;

/**
 * The command line: {@code chatalot-admin check …} and {@code chatalot-admin users list …}. Whatever goes wrong
 * is one line on standard error with its exit code, never a stack trace: a cron job mails what it prints.
 */
@Command(name = "chatalot-admin", mixinStandardHelpOptions = true, versionProvider = AdminCli.Version.class,
        description = "Chatalot admin tools. Without arguments the desktop app starts.",
        subcommands = {CheckCommand.class, UsersCommand.class})
public final class AdminCli implements Runnable {
    /** Bad arguments: distinct from the check's 1 (warn) and 2 (fail). */
    public static final int USAGE = 64;
    /** Nothing answered at the URL, or the server refused the request. */
    public static final int ERROR = 3;

    /** The product's one version. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"chatalot-admin (" + ProductVersion.line() + ")"};
        }
    }

    @Spec
    CommandSpec spec;

    /** Whether progress lines may be shown: only when a person watches a terminal. */
    final boolean isInteractive;

    private AdminCli(boolean isInteractive) {
        this.isInteractive = isInteractive;
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "name a command: check or users");
    }

    /** As {@code chatalot-admin} runs: progress lines only when standard output is a terminal. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        return run(args, out, err, new DoctorChecks(Clock.systemUTC()), Terminal.isInteractive());
    }

    /** With the checks to run (the installer's doctor, or a fixed report in tests) and no progress lines. */
    public static int run(String[] args, PrintWriter out, PrintWriter err, DeploymentChecks checks) {
        return run(args, out, err, checks, false);
    }

    /** With the checks to run, and whether a person watches (progress lines on {@code err}). */
    public static int run(String[] args, PrintWriter out, PrintWriter err, DeploymentChecks checks,
                          boolean interactive) {
        CommandLine line = new CommandLine(new AdminCli(interactive), new Factory(checks));
        line.setOut(out).setErr(err);
        line.setParameterExceptionHandler((e, given) -> {
            CommandLine command = e.getCommandLine();
            command.getErr().println("chatalot-admin: " + oneLine(e.getMessage()) + " (see "
                    + command.getCommandSpec().qualifiedName() + " --help)");
            command.getErr().flush();
            return USAGE;
        });
        line.setExecutionExceptionHandler((e, command, parsed) -> {
            command.getErr().println("chatalot-admin: " + oneLine(e.getMessage() == null
                    ? e.getClass().getSimpleName() : e.getMessage()));
            command.getErr().flush();
            return ERROR;
        });
        return line.execute(args);
    }

    /** On one line, and without the Java class names picocli quotes from a conversion's exception. */
    private static String oneLine(String message) {
        return message == null ? "" : message.replaceAll("\\s*\\R\\s*", " ")
                .replaceAll("\\((?:java|javax)\\.[\\w.$]+: ", "(").strip();
    }

    /** Hands the checks to the check command; everything else is made as picocli would. */
    private record Factory(DeploymentChecks checks) implements CommandLine.IFactory {
        @Override
        public <K> K create(Class<K> type) throws Exception {
            if (type == CheckCommand.class) {
                return type.cast(new CheckCommand(checks));
            }
            return CommandLine.defaultFactory().create(type);
        }
    }
}
