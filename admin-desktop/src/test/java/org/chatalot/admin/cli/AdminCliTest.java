package org.chatalot.admin.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.chatalot.admin.api.ServerConnection;
import org.chatalot.admin.api.TokenListener;
import org.chatalot.admin.connection.ConnectionProfile;
import org.chatalot.admin.connection.JdkSslContextFactory;
import org.chatalot.admin.doctor.CheckRequest;
import org.chatalot.admin.doctor.DoctorChecks;
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

    @ParameterizedTest
    @MethodSource("argumentErrors")
    void everyArgumentErrorIsOneLineAndExitCode64(List<String> args, String says) {
        int code = run(args.toArray(String[]::new));

        assertThat(code).as(err.toString()).isEqualTo(AdminCli.USAGE);
        assertThat(err.toString().lines()).as(err.toString()).singleElement().satisfies(line -> assertThat(line)
                .startsWith("chatalot-admin: ").contains(says).doesNotContain("Exception", "\tat "));
        assertThat(out.toString()).isEmpty();
        assertThat(checks.runs()).as("no check ran").isZero();
    }

    static Stream<Arguments> argumentErrors() {
        String url = "https://chat.example.com";
        return Stream.of(
                Arguments.of(List.of("check"), "Missing required parameter: 'URL'"),
                Arguments.of(List.of("check", url, "--bogus"), "Unknown option: '--bogus'"),
                Arguments.of(List.of("check", url, "--http-port", "abc"), "'abc' is not an int"),
                Arguments.of(List.of("check", url, "--http-port", "70000"), "--http-port: expected 1 to 65535"),
                Arguments.of(List.of("check", url, "--idle-seconds", "0"), "--idle-seconds: expected 1 to 3600"),
                Arguments.of(List.of("check", url, "--timeout", "-1"), "--timeout: expected 1 to 300"),
                Arguments.of(List.of("check", url, "--max-file-size-mb", "0"), "--max-file-size-mb: expected at "),
                Arguments.of(List.of("check", url, "--pin", "zz"), "--pin: expected a SHA-256 fingerprint"),
                Arguments.of(List.of("check", url, "--ca", "/nonexistent/ca.pem"), "--ca: cannot read "),
                Arguments.of(List.of("check", "ftp://chat.example.com"), "URL: expected https://host[:port]"),
                Arguments.of(List.of("check", "not a url"), "cannot convert 'not a url' to URI"),
                Arguments.of(List.of("users", "list", url), "give --token"),
                Arguments.of(List.of("users", "list", url, "--token", "T", "--pin", "zz"), "--pin: expected"),
                Arguments.of(List.of("nonsense"), "Unmatched argument at index 0: 'nonsense'"),
                Arguments.of(List.of(), "name a command: check or users"));
    }

    @Test
    void nothingListeningExitsThreeAfterTheReport() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        int code = AdminCli.run(new String[] {"check", "https://127.0.0.1:" + port, "--http-port", "0", "--timeout",
            "2"}, new PrintWriter(out), new PrintWriter(err), new DoctorChecks(Clock.systemUTC()));

        assertThat(code).as(out.toString()).isEqualTo(AdminCli.ERROR);
        assertThat(out.toString()).contains("FAIL  tcp.https", "Result: fail (nothing answered at https://127.0.0.1:"
                + port + ")", "because nothing accepts connections on port " + port + " (see tcp.https)");
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void aNameThatDoesNotResolveExitsThreeToo() {
        checks.willReport(Finding.fail("dns.resolve", "DNS", "no address", "Create an A record"),
                Finding.skip("tcp.https", "TCP", "because it does not resolve"));
        assertThat(run("check", "https://chat.example.com", "--json")).isEqualTo(AdminCli.ERROR);
        assertThat(out.toString()).contains("\"exit_code\" : 2");
    }

    @Test
    void progressLinesGoToATerminalOnlyNeverIntoRedirectedOutput() {
        checks.willReport(Finding.pass("tls.handshake", "TLS handshake", "ok"),
                Finding.pass("http.h2", "HTTP/2", "h2"));
        assertThat(run("check", "https://chat.example.com")).isZero();
        assertThat(err.toString()).as("redirected, as under cron").isEmpty();
        assertThat(out.toString()).doesNotContain("checking ");

        StringWriter terminal = new StringWriter();
        StringWriter report = new StringWriter();
        assertThat(AdminCli.run(new String[] {"check", "https://chat.example.com"}, new PrintWriter(report),
                new PrintWriter(terminal), checks, true)).isZero();
        assertThat(terminal.toString()).contains("checking TLS handshake…", "checking HTTP/2…");
        assertThat(report.toString()).doesNotContain("checking ").contains("PASS  tls.handshake");
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
