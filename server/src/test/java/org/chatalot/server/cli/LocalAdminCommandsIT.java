package org.chatalot.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.chatalot.model.admin.AdminUser;
import org.chatalot.model.auth.LoginRequest;
import org.chatalot.model.user.Role;
import org.chatalot.model.user.UserStatus;
import org.chatalot.server.local.LocalToken;
import org.chatalot.server.testing.TestServer;
import org.chatalot.server.testing.TestUsers;
import org.chatalot.testing.TempDirs;

/** {@code chatalot admin …} against a running server, through the loopback listener and the token file. */
class LocalAdminCommandsIT {
    private static final Pattern PASSWORD = Pattern.compile("Temporary password \\(shown once\\): (\\S+)");

    @RegisterExtension
    static TestServer server = TestServer.create();

    /** What one command printed and returned. */
    private record Run(int exit, String out) {
    }

    @Test
    void theTokenFileIsPrivate() throws Exception {
        Path token = server.dataDir().resolve(LocalToken.FILE_NAME);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(token))).isEqualTo("rw-------");
    }

    @Test
    void createOwnerMakesAnOwnerWhoSignsInWithThePrintedPassword() {
        TestUsers users = server.users();
        users.owner();

        Run lastOwner = admin("suspend", "owner");
        Run created = admin("create-owner", "box-owner", "--display-name", "Box Owner");

        assertThat(lastOwner.exit()).isEqualTo(1);
        assertThat(lastOwner.out()).contains("only active owner");
        assertThat(created.exit()).as(created.out()).isZero();
        String password = password(created.out());
        assertThat(users.login("box-owner", password).user().role()).isEqualTo(Role.OWNER);
        assertThat(admin("list-users").out()).contains("box-owner").contains("owner ").contains("accounts");
    }

    @Test
    void suspendResetPasswordAndUnlockWorkByUsername() {
        TestUsers users = server.users();
        var member = users.register("cli-member");

        Run suspended = admin("suspend", "cli-member", "--reason", "on holiday");
        AdminUser afterSuspend = user(member.user().id());
        Run unsuspended = admin("unsuspend", "cli-member");
        for (int i = 0; i < 10; i++) {
            users.post(null, "/api/auth/login", LoginRequest.of("cli-member", "wrong password " + i));
        }
        int whileLocked = users.post(null, "/api/auth/login", LoginRequest.of("cli-member", TestUsers.PASSWORD))
                .statusCode();
        Run unlocked = admin("unlock", "cli-member");
        Run reset = admin("reset-password", "cli-member");

        assertThat(suspended.exit()).as(suspended.out()).isZero();
        assertThat(afterSuspend.status()).isEqualTo(UserStatus.SUSPENDED);
        assertThat(afterSuspend.statusReason()).isEqualTo("on holiday");
        assertThat(unsuspended.exit()).isZero();
        assertThat(whileLocked).isEqualTo(429);
        assertThat(unlocked.exit()).isZero();
        assertThat(reset.exit()).isZero();
        assertThat(users.login("cli-member", password(reset.out())).user().id()).isEqualTo(member.user().id());
        assertThat(admin("suspend", "nobody-here").out()).contains("no such user: nobody-here");
    }

    @Test
    void backupWritesAnArchiveUnderTheDataDirectory() {
        Run backup = admin("backup");

        Matcher path = Pattern.compile("Backup written: (\\S+)").matcher(backup.out());
        assertThat(backup.exit()).as(backup.out()).isZero();
        assertThat(path.find()).isTrue();
        assertThat(Path.of(path.group(1))).exists().startsWith(server.dataDir().resolve("backups"));
    }

    @Test
    void withoutTheTokenFileTheCommandsAreRefused() throws Exception {
        Path elsewhere = TempDirs.create("chatalot-no-token-");
        Path forged = TempDirs.create("chatalot-forged-token-");
        Files.writeString(forged.resolve(LocalToken.FILE_NAME), "not-the-token\n");
        try {
            Run missing = run(Map.of("DATA_DIR", elsewhere.toString(), "LOCAL_ADMIN_ADDR", localAddr()), "list-users");
            Run wrong = run(Map.of("DATA_DIR", forged.toString(), "LOCAL_ADMIN_ADDR", localAddr()), "list-users");
            int direct = server.send(java.net.http.HttpRequest.newBuilder(server.localUri("/admin/users")).GET()
                    .build()).statusCode();

            assertThat(missing.exit()).isEqualTo(3);
            assertThat(missing.out()).contains(LocalToken.FILE_NAME).contains("is the server running");
            assertThat(wrong.exit()).isEqualTo(3);
            assertThat(wrong.out()).contains("local-admin.token");
            assertThat(direct).isEqualTo(401);
        } finally {
            TempDirs.deleteRecursively(elsewhere);
            TempDirs.deleteRecursively(forged);
        }
    }

    @Test
    void restoreRefusesWhileTheServerAnswers() {
        Run restore = admin("restore", server.dataDir().resolve("whatever.zip").toString());

        assertThat(restore.exit()).isEqualTo(1);
        assertThat(restore.out()).contains("stop it before restoring");
    }

    private static AdminUser user(java.util.UUID id) {
        TestUsers users = server.users();
        return users.expect(200, users.get(users.owner().accessToken(), "/api/admin/users/" + id), AdminUser.class);
    }

    private static Run admin(String... args) {
        return run(Map.of("DATA_DIR", server.dataDir().toString(), "LOCAL_ADMIN_ADDR", localAddr()), args);
    }

    private static Run run(Map<String, String> env, String... args) {
        StringWriter out = new StringWriter();
        PrintWriter writer = new PrintWriter(out, true);
        int exit = AdminCli.run(env, args, new BufferedReader(new StringReader("")), writer, writer);
        return new Run(exit, out.toString());
    }

    private static String localAddr() {
        return "127.0.0.1:" + server.server().localAdminPort().orElseThrow();
    }

    private static String password(String output) {
        Matcher matcher = PASSWORD.matcher(output);
        assertThat(matcher.find()).as(output).isTrue();
        return matcher.group(1);
    }
}
