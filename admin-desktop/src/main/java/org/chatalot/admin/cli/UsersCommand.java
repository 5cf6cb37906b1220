package org.chatalot.admin.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.util.Locale;
import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import org.chatalot.admin.api.ApiException;
import org.chatalot.admin.api.JsonCodec;
import org.chatalot.admin.api.ServerConnection;
import org.chatalot.admin.api.TokenListener;
import org.chatalot.admin.api.UserQuery;
import org.chatalot.admin.common.Formats;
import org.chatalot.admin.common.SessionExpiredException;
import org.chatalot.admin.connection.ConnectionProfile;
import org.chatalot.admin.connection.JdkSslContextFactory;
import org.chatalot.model.admin.AdminUser;
import org.chatalot.model.admin.AdminUserPage;

/** {@code users list URL}: one page of the users table, as text or JSON, for scripts. */
@Command(name = "users", description = "Work with user accounts.", subcommands = UsersCommand.ListUsers.class)
final class UsersCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "name a subcommand: list");
    }

    @Command(name = "list", description = "List users (one page; use --offset for the next).")
    static final class ListUsers implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "URL", description = "the server, e.g. https://chat.example.com")
        URI url;

        @ArgGroup(exclusive = true)
        TrustOptions trust = new TrustOptions();

        @Option(names = "--token", defaultValue = "${env:CHATALOT_TOKEN}", description = "admin access token")
        String token;

        @Option(names = "--username", description = "sign in as this admin instead of --token")
        String username;

        @Option(names = "--password-env", defaultValue = "CHATALOT_PASSWORD",
                description = "environment variable holding the password (default CHATALOT_PASSWORD)")
        String passwordVariable;

        @Option(names = "--totp", description = "the current 2FA code, when the account uses 2FA")
        String totp;

        @Option(names = {"-q", "--query"}, description = "search username, display name and email")
        String query = "";

        @Option(names = "--status", description = "active, suspended or deleted")
        String status;

        @Option(names = "--role", description = "owner, admin or member")
        String role;

        @Option(names = "--sort", defaultValue = "username", description = "column to sort by (default username)")
        String sort;

        @Option(names = "--desc", description = "sort descending")
        boolean descending;

        @Option(names = "--offset", defaultValue = "0")
        int offset;

        @Option(names = "--limit", defaultValue = "50")
        int limit;

        @Option(names = "--json", description = "print the page as JSON")
        boolean json;

        @Override
        public Integer call() throws Exception {
            ServerConnection connection = ServerConnection.open(ConnectionProfile.of("cli", url.toString())
                    .withTrust((trust == null ? new TrustOptions() : trust).validMode(spec.commandLine())),
                    new JdkSslContextFactory(), TokenListener.NONE);
            PrintWriter err = spec.commandLine().getErr();
            try {
                signIn(connection);
                AdminUserPage page = connection.api().users(new UserQuery(query, status, role, sort, descending,
                        offset, limit));
                print(spec.commandLine().getOut(), page);
                return 0;
            } catch (ApiException | SessionExpiredException | IOException e) {
                err.println("chatalot-admin: " + Formats.problem(e));
                err.flush();
                return AdminCli.ERROR;
            }
        }

        private void signIn(ServerConnection connection) throws Exception {
            if (username != null) {
                String password = System.getenv(passwordVariable);
                if (password == null) {
                    throw new CommandLine.ParameterException(spec.commandLine(), "set the password in $"
                            + passwordVariable + " (it is never taken on the command line)");
                }
                connection.session().login(username, password, totp);
            } else if (token != null && !token.isBlank()) {
                connection.session().useAccessToken(token);
            } else {
                throw new CommandLine.ParameterException(spec.commandLine(),
                        "give --token (or $CHATALOT_TOKEN) or --username with the password in $" + passwordVariable);
            }
        }

        private void print(PrintWriter out, AdminUserPage page) throws IOException {
            if (json) {
                out.println(new JsonCodec().mapper().writerWithDefaultPrettyPrinter()
                        .writeValueAsString(page));
            } else {
                out.printf(Locale.ROOT, "%-24s %-8s %-10s %-17s %s%n", "USERNAME", "ROLE", "STATUS", "LAST SEEN",
                        "EMAIL");
                for (AdminUser user : page.users()) {
                    out.printf(Locale.ROOT, "%-24s %-8s %-10s %-17s %s%n", user.username(), user.role().wireName(),
                            user.status().wireName(), Formats.dateTime(user.lastSeenAt()),
                            user.email() == null ? "" : user.email());
                }
                out.printf(Locale.ROOT, "%d–%d of %d%n", page.total() == 0 ? 0 : page.offset() + 1,
                        page.offset() + page.users().size(), page.total());
            }
            out.flush();
        }
    }
}
