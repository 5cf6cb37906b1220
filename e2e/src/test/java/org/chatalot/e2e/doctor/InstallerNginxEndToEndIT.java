package org.chatalot.e2e.doctor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.chatalot.installer.cli.InstallerCli;
import org.chatalot.server.testing.TestServer;
import org.chatalot.server.testing.TestUsers;
import org.chatalot.testing.ExternalTools;
import org.chatalot.testing.JavaProcess;
import org.chatalot.testing.Nginx;
import org.chatalot.testing.Poll;

/**
 * {@code chatalot-install nginx} against an nginx that is not Debian's: its own prefix and main configuration
 * (test-support's nginx, run from a temporary folder), as a source build in /usr/local/nginx would be. The site is
 * installed, checked and reloaded with that prefix, the front comes up, and the "next:" line it prints, run as
 * printed in a separate process, passes all 19 checks. A sites-enabled folder nginx does not read is reported.
 */
class InstallerNginxEndToEndIT {
    static final FrontFixture FRONT = new FrontFixture();

    @RegisterExtension
    static TestServer server = TestServer.create().with("PUBLIC_URL", FRONT.publicUrl());

    @AfterAll
    static void cleanUp() {
        FRONT.close();
    }

    private static List<String> install(Nginx nginx, Path sitesEnabled, StringWriter out) {
        List<String> args = List.of("nginx", "--domain", "chat.test",
                "--https-port", Integer.toString(FRONT.httpsPort), "--http-port", Integer.toString(FRONT.httpPort),
                "--upstream", "127.0.0.1:" + server.server().port(), "--listen-address", "127.0.0.1",
                "--cert", FRONT.goodCertificate.fullChain().toString(), "--key", FRONT.goodCertificate.key().toString(),
                "--webroot", FRONT.dir.resolve("acme").toString(),
                "--sites-available", FRONT.dir.resolve("sites-available").toString(),
                "--sites-enabled", sitesEnabled.toString(), "--nginx", ExternalTools.require("nginx").toString(),
                "--nginx-prefix", nginx.prefix().toString(), "--nginx-conf", nginx.conf().toString(), "--yes");
        int code = InstallerCli.run(new PrintWriter(out, true), new PrintWriter(out, true),
                args.toArray(String[]::new));
        out.append("exit ").append(Integer.toString(code));
        return args;
    }

    @Test
    void theSiteIsReloadedIntoAPrefixedNginxAndItsNextLinePassesEveryCheck() throws Exception {
        server.users().owner();
        try (Nginx nginx = Nginx.withSite("").start()) {
            StringWriter out = new StringWriter();
            install(nginx, nginx.sitesEnabled(), out);
            // Reloaded with -p/-c: the default, systemctl reload nginx, would not reach this nginx at all.
            assertThat(out.toString()).as(out.toString()).endsWith("exit 0").contains("reloaded nginx");
            assertThat(Poll.until(() -> accepts(FRONT.httpsPort), Duration.ofSeconds(20)))
                    .as("nginx reloaded onto the new site").isTrue();

            List<String> next = nextLine(out.toString());
            assertThat(next).containsSubsequence("--url", FRONT.publicUrl(), "--http-port",
                    Integer.toString(FRONT.httpPort), "--upstream", "127.0.0.1:" + server.server().port());
            List<String> args = new ArrayList<>(next.subList(1, next.size()));
            args.addAll(List.of("--ca-file", FRONT.rootCertificate().toString(), "--user", "owner",
                    "--idle-seconds", "2"));
            try (JavaProcess verify = JavaProcess.start(InstallerCli.class.getName(),
                    List.of("-Djdk.net.hosts.file=" + System.getProperty("jdk.net.hosts.file")),
                    Map.of("CHATALOT_PASSWORD", TestUsers.PASSWORD), args, FRONT.dir.resolve("verify"))) {
                int code = verify.awaitExit(Duration.ofMinutes(2));
                assertThat(code).as(verify.output()).isZero();
                assertThat(verify.output()).contains("Result: pass (19 passed, 0 warnings, 0 failed, 0 skipped)")
                        .doesNotContain("checking ");
            }
        }
    }

    @Test
    void aSitesFolderNginxDoesNotReadIsReportedNotCalledDone() throws Exception {
        try (Nginx nginx = Nginx.withSite("").start()) {
            Path elsewhere = Files.createDirectories(FRONT.dir.resolve("not-included"));
            StringWriter out = new StringWriter();
            install(nginx, elsewhere, out);
            assertThat(out.toString()).endsWith("exit " + InstallerCli.STEP_FAILED)
                    .contains("nginx does not read " + elsewhere.resolve("chatalot-chat.test.conf"),
                            "include " + elsewhere + "/*;", nginx.conf().toString());
        }
    }

    private static List<String> nextLine(String output) {
        String line = output.lines().filter(l -> l.startsWith("next: ")).findFirst().orElseThrow(
                () -> new AssertionError("no next: line in\n" + output));
        return Arrays.asList(line.substring("next: ".length()).split(" "));
    }

    private static boolean accepts(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (java.io.IOException e) {
            return false;
        }
    }
}
