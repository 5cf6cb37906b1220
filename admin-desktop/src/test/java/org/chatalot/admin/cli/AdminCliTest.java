package org.chatalot.admin.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.chatalot.admin.api.ServerConnection;
import org.chatalot.admin.api.TokenListener;
import org.chatalot.admin.connection.ConnectionProfile;
import org.chatalot.admin.connection.JdkSslContextFactory;
import org.chatalot.admin.doctor.CheckRequest;
import org.chatalot.admin.doctor.FakeChecks;
import org.chatalot.admin.testing.StubAdminServer;
import org.chatalot.installer.doctor.Finding;

/** Exit codes and output of {@code chatalot-admin}, as cron and CI see them. */
class AdminCliTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private final FakeChecks checks = new FakeChecks();

    private int run(String... args) {
        return AdminCli.run(args, new PrintWriter(out), new PrintWriter(err), checks);
    }

    @Test
    void checkExitsZeroOneOrTwoByTheWorstFinding() {
        checks.willReport(Finding.pass("a", "A", "ok"), Finding.skip("b", "B", "n/a"));
        assertThat(run("check", "https://chat.example.com")).isZero();
        checks.willReport(Finding.pass("a", "A", "ok"), Finding.warn("b", "B", "meh", "fix it"));
        assertThat(run("check", "https://chat.example.com")).isEqualTo(1);
        checks.willReport(Finding.warn("b", "B", "meh", "fix"), Finding.fail("c", "C", "broken", "fix"));
        assertThat(run("check", "https://chat.example.com", "--json")).isEqualTo(2);
        assertThat(out.toString()).contains("\"result\" : \"fail\"", "\"exit_code\" : 2");
    }

    @Test
    void checkOptionsReachTheDoctor() {
        assertThat(run("check", "https://chat.example.com:8443", "--token", "T", "--http-port", "8080",
                "--max-file-size-mb", "20", "--idle-seconds", "2", "--timeout", "3")).isZero();
        CheckRequest request = checks.lastRequest();
        assertThat(request.accessToken()).contains("T");
        assertThat(request.httpPort()).isEqualTo(8080);
        assertThat(request.maxFileSizeMb()).contains(20);
        assertThat(request.idle()).isEqualTo(Duration.ofSeconds(2));
        assertThat(request.timeout()).isEqualTo(Duration.ofSeconds(3));
        assertThat(run("check", "https://chat.example.com")).isZero();
        assertThat(checks.lastRequest().maxFileSizeMb()).as("asked of the server").isEmpty();
        assertThat(checks.lastRequest().idle()).isEqualTo(Duration.ofSeconds(75));
    }

    @Test
    void badArgumentsAreAUsageErrorNotACheckResult() {
        assertThat(run("check", "https://chat.example.com", "--ca", "a.pem", "--pin", "AB".repeat(32)))
                .isEqualTo(AdminCli.USAGE);
        assertThat(run("check")).isEqualTo(AdminCli.USAGE);
        assertThat(err.toString()).contains("mutually exclusive");
    }

    @Test
    void usersListPrintsAPageForScripts() throws Exception {
        try (StubAdminServer stub = new StubAdminServer()) {
            String token = signIn(stub);
            assertThat(run("users", "list", stub.url().toString(), "--token", token, "--query", "ali")).isZero();
            assertThat(out.toString()).contains("USERNAME", "alice", "admin", "1–1 of 1");
            assertThat(run("users", "list", stub.url().toString(), "--token", token, "--status", "suspended",
                    "--json")).isZero();
            assertThat(out.toString()).contains("\"username\" : \"carol\"");
        }
    }

    @Test
    void aRefusedTokenExitsWithTheErrorCode() throws Exception {
        try (StubAdminServer stub = new StubAdminServer()) {
            assertThat(run("users", "list", stub.url().toString(), "--token", "not-a-token")).isEqualTo(AdminCli.ERROR);
            assertThat(err.toString()).contains("refused the access token");
        }
    }

    private static String signIn(StubAdminServer stub) throws Exception {
        ServerConnection connection = ServerConnection.open(ConnectionProfile.of("s", stub.url().toString()),
                new JdkSslContextFactory(), TokenListener.NONE);
        connection.session().login("owner", StubAdminServer.PASSWORD, null);
        return connection.session().accessToken();
    }
}
