package org.chatalot.server.cli;

import java.io.BufferedReader;
import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import org.chatalot.server.config.ConfigException;
import org.chatalot.server.config.ConfigLoader;
import org.chatalot.server.config.ServerConfig;
import org.chatalot.server.health.BuildInfo;

/**
 * {@code chatalot admin <command>}. Reads the same environment as the server (DATA_DIR, LOCAL_ADMIN_ADDR,
 * DATABASE_URL) to find it. Exit codes: 0 done, 1 the server refused, 2 usage or configuration error,
 * 3 no server, no token file or an unreadable one.
 */
@Command(name = "chatalot admin", mixinStandardHelpOptions = true, versionProvider = AdminCli.Version.class,
        description = "Administer the Chatalot server on this machine, without a password.",
        footer = {"", "Run as the server's user or root: the commands need DATA_DIR/local-admin.token."})
public final class AdminCli implements Callable<Integer> {
    static final int USAGE = 2;

    @Spec
    private CommandSpec spec;

    /** Runs one command; returns the process exit code. */
    public static int run(Map<String, String> environment, String[] args, BufferedReader in, PrintWriter out,
                          PrintWriter err) {
        ServerConfig config;
        try {
            config = ConfigLoader.load(environment).config();
        } catch (ConfigException e) {
            err.println("chatalot admin: " + e.getMessage());
            err.flush();
            return USAGE;
        }
        CommandLine line = new CommandLine(new AdminCli());
        AdminCommands.register(line, new AdminCommands.Context(config, in, out));
        line.setOut(out).setErr(err);
        line.setExecutionExceptionHandler((e, cmd, parsed) -> {
            if (e instanceof CliFailure failure) {
                err.println("chatalot admin " + cmd.getCommandName() + ": " + failure.getMessage());
                return failure.exitCode();
            }
            throw e;
        });
        int code = line.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    /** The server's own version, from the build. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"Chatalot " + BuildInfo.load().version()};
        }
    }

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return USAGE;
    }
}
