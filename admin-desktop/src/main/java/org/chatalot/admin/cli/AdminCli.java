package org.chatalot.admin.cli;

import java.io.PrintWriter;
import java.time.Clock;

import picocli.CommandLine;
import picocli.CommandLine.Command;

import org.chatalot.admin.doctor.DeploymentChecks;
import org.chatalot.admin.doctor.DoctorChecks;
import org.chatalot.model.ProductVersion;

/** The command line: {@code chatalot-admin check …} and {@code chatalot-admin users list …}. */
@Command(name = "chatalot-admin", mixinStandardHelpOptions = true, versionProvider = AdminCli.Version.class,
        description = "Chatalot admin tools. Without arguments the desktop app starts.",
        subcommands = {CheckCommand.class, UsersCommand.class})
public final class AdminCli implements Runnable {
    /** Bad arguments: distinct from the check's 1 (warn) and 2 (fail). */
    public static final int USAGE = 64;
    /** The server could not be reached or refused the request. */
    public static final int ERROR = 3;

    /** The product's one version. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"chatalot-admin (" + ProductVersion.line() + ")"};
        }
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(new CommandLine(this), "name a command: check or users");
    }

    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        return run(args, out, err, new DoctorChecks(Clock.systemUTC()));
    }

    /** With the checks to run: the installer's doctor, or a fixed report in tests. */
    public static int run(String[] args, PrintWriter out, PrintWriter err, DeploymentChecks checks) {
        CommandLine line = new CommandLine(new AdminCli(), new Factory(checks));
        line.setOut(out).setErr(err);
        exitCodes(line);
        return line.execute(args);
    }

    /** Each subcommand has its own spec: set the codes on all of them. */
    private static void exitCodes(CommandLine line) {
        line.getCommandSpec().exitCodeOnInvalidInput(USAGE);
        line.getCommandSpec().exitCodeOnExecutionException(ERROR);
        line.getSubcommands().values().forEach(AdminCli::exitCodes);
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
