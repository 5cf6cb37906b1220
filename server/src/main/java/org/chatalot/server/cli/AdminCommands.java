package org.chatalot.server.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import org.chatalot.model.ProductVersion;
import org.chatalot.model.admin.AdminUser;
import org.chatalot.model.admin.AdminUserPage;
import org.chatalot.model.admin.BackupInfo;
import org.chatalot.model.admin.CreateUserRequest;
import org.chatalot.model.admin.CreatedUser;
import org.chatalot.model.admin.TargetConfirmation;
import org.chatalot.server.backup.BackupRestore;
import org.chatalot.server.backup.OfflineBackup;
import org.chatalot.server.config.HostPort;
import org.chatalot.server.config.ServerConfig;

/** The subcommands of {@code chatalot admin}; each is a thin call to the server's local admin API. */
final class AdminCommands {
    private static final Map<String, Object> NO_BODY = Map.of();

    private AdminCommands() {
    }

    /** What every command needs: the server's configuration and the terminal. */
    record Context(ServerConfig config, BufferedReader in, PrintWriter out) {
        LocalAdminClient client() {
            HostPort local = config.network().localAdmin().orElseThrow(() -> new CliFailure(CliFailure.UNREACHABLE,
                    "LOCAL_ADMIN_ADDR is off, so the server has no local admin listener"));
            return new LocalAdminClient(local, config.storage().dataDir());
        }
    }

    static void register(CommandLine line, Context context) {
        line.addSubcommand(new CreateOwner(context))
                .addSubcommand(new ResetPassword(context))
                .addSubcommand(new Unlock(context))
                .addSubcommand(new Suspend(context))
                .addSubcommand(new Unsuspend(context))
                .addSubcommand(new ListUsers(context))
                .addSubcommand(new Backup(context))
                .addSubcommand(new Restore(context));
    }

    @Command(name = "create-owner", description = "Create an owner account; prints a generated password unless "
            + "--password-stdin is given.")
    static final class CreateOwner implements Callable<Integer> {
        private final Context context;
        @Parameters(index = "0", paramLabel = "USERNAME")
        private String username;
        @Option(names = "--display-name")
        private String displayName;
        @Option(names = "--email")
        private String email;
        @Option(names = "--password-stdin", description = "read the password from the first line of standard input")
        private boolean passwordFromStdin;

        CreateOwner(Context context) {
            this.context = context;
        }

        @Override
        public Integer call() throws IOException {
            String password = passwordFromStdin ? context.in().readLine() : null;
            CreatedUser created = context.client().post("/owners",
                    new CreateUserRequest(username, displayName, email, password, null), CreatedUser.class);
            context.out().println("Created owner " + created.user().username() + " (" + created.user().id() + ")");
            printPassword(context, created);
            return 0;
        }
    }

    @Command(name = "reset-password", description = "Give a user a new generated password and sign them out.")
    static final class ResetPassword implements Callable<Integer> {
        private final Context context;
        @Parameters(index = "0", paramLabel = "USERNAME")
        private String username;

        ResetPassword(Context context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            CreatedUser result = context.client().post(userPath(username, "password-reset"), NO_BODY,
                    CreatedUser.class);
            context.out().println("Reset the password of " + result.user().username()
                    + "; every session was signed out.");
            printPassword(context, result);
            return 0;
        }
    }

    @Command(name = "unlock", description = "Lift the lock after too many failed sign-ins.")
    static final class Unlock implements Callable<Integer> {
        private final Context context;
        @Parameters(index = "0", paramLabel = "USERNAME")
        private String username;

        Unlock(Context context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            AdminUser user = context.client().post(userPath(username, "unlock"), NO_BODY, AdminUser.class);
            context.out().println("Unlocked " + user.username());
            return 0;
        }
    }

    @Command(name = "suspend", description = "Suspend a user: sign-in blocked, sockets closed, sessions ended.")
    static final class Suspend implements Callable<Integer> {
        private final Context context;
        @Parameters(index = "0", paramLabel = "USERNAME")
        private String username;
        @Option(names = "--reason", description = "shown to the user and kept in the audit log")
        private String reason;

        Suspend(Context context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            AdminUser user = context.client().post(userPath(username, "suspend"),
                    new TargetConfirmation(null, reason), AdminUser.class);
            context.out().println("Suspended " + user.username());
            return 0;
        }
    }

    @Command(name = "unsuspend", description = "Let a suspended user sign in again.")
    static final class Unsuspend implements Callable<Integer> {
        private final Context context;
        @Parameters(index = "0", paramLabel = "USERNAME")
        private String username;

        Unsuspend(Context context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            AdminUser user = context.client().post(userPath(username, "unsuspend"), NO_BODY, AdminUser.class);
            context.out().println("Unsuspended " + user.username());
            return 0;
        }
    }

    @Command(name = "list-users", description = "List every account.")
    static final class ListUsers implements Callable<Integer> {
        private final Context context;

        ListUsers(Context context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            AdminUserPage page = context.client().get("/users", AdminUserPage.class);
            PrintWriter out = context.out();
            out.printf("%-32s %-6s %-9s %-3s %-8s %s%n", "USERNAME", "ROLE", "STATUS", "2FA", "SESSIONS",
                    "LAST SEEN");
            for (AdminUser user : page.users()) {
                out.printf("%-32s %-6s %-9s %-3s %-8d %s%n", user.username(), user.role().wireName(),
                        user.status().wireName(), user.totpEnabled() ? "on" : "off", user.activeSessions(),
                        user.lastSeenAt() == null ? "never" : user.lastSeenAt().toString());
            }
            out.println(page.total() + " accounts");
            return 0;
        }
    }

    @Command(name = "backup", description = "Make a backup under DATA_DIR/backups: online through the running "
            + "server, or straight from the database when no server runs.")
    static final class Backup implements Callable<Integer> {
        private final Context context;

        Backup(Context context) {
            this.context = context;
        }

        @Override
        public Integer call() throws IOException {
            BackupInfo info;
            if (isServerAnswering(context.config())) {
                info = context.client().post("/backups", NO_BODY, BackupInfo.class);
            } else {
                context.out().println("No server answers on LOCAL_ADMIN_ADDR: backing up the stopped database.");
                try {
                    info = new OfflineBackup(context.config().storage(), ProductVersion.current(),
                            Clock.systemUTC()).create();
                } catch (BackupRestore.RestoreRefused e) {
                    throw new CliFailure(CliFailure.REFUSED, e.getMessage());
                }
            }
            Path file = context.config().storage().dataDir().resolve("backups").resolve(info.name());
            context.out().println("Backup written: " + file.toAbsolutePath());
            context.out().println("Size: " + info.sizeBytes() + " bytes, SHA-256: " + info.sha256());
            return 0;
        }
    }

    @Command(name = "restore", description = "Restore a backup archive into DATA_DIR. The server must be stopped;"
            + " what DATA_DIR held is moved to DATA_DIR/pre-restore-<time>.")
    static final class Restore implements Callable<Integer> {
        private final Context context;
        @Parameters(index = "0", paramLabel = "ARCHIVE")
        private Path archive;

        Restore(Context context) {
            this.context = context;
        }

        @Override
        public Integer call() throws IOException {
            requireNoServerAnswering(context.config());
            BackupRestore.Result result;
            try {
                result = new BackupRestore(context.config().storage(), Clock.systemUTC()).restore(archive);
            } catch (BackupRestore.RestoreRefused e) {
                throw new CliFailure(CliFailure.REFUSED, e.getMessage());
            }
            PrintWriter out = context.out();
            out.println("Restored " + archive + " into " + context.config().storage().dataDir().toAbsolutePath());
            out.println(result.filesRestored() + " uploaded files restored.");
            if (result.movedAsideTo() != null) {
                out.println("The previous data was moved to " + result.movedAsideTo().toAbsolutePath());
            }
            out.println("Start the server to use it.");
            return 0;
        }
    }

    /** A second line of defence next to the database lock: a server may be up with its database elsewhere. */
    private static void requireNoServerAnswering(ServerConfig config) {
        if (isServerAnswering(config)) {
            HostPort local = config.network().localAdmin().orElseThrow();
            throw new CliFailure(CliFailure.REFUSED, "a server is answering on " + local.host() + ":"
                    + local.port() + " (LOCAL_ADMIN_ADDR): stop it before restoring");
        }
    }

    private static boolean isServerAnswering(ServerConfig config) {
        return config.network().localAdmin().map(local -> {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(local.host(), local.port()), 500);
                return true;
            } catch (IOException e) {
                return false;
            }
        }).orElse(false);
    }

    private static void printPassword(Context context, CreatedUser created) {
        if (created.temporaryPassword() != null) {
            context.out().println("Temporary password (shown once): " + created.temporaryPassword());
            context.out().println("Ask them to change it after signing in.");
        }
    }

    private static String userPath(String username, String action) {
        return "/users/" + java.net.URLEncoder.encode(username, java.nio.charset.StandardCharsets.UTF_8) + "/"
                + action;
    }
}
