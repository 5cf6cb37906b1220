package org.chatalot.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.chatalot.testing.JavaProcess;

/** The server as an operator runs it: a separate JVM started through Main, stopped with a signal. */
class ProcessLifecycleIT {
    private static final Pattern LISTENING = Pattern.compile("Chatalot is listening on (http://\\S+?)(;|$)");

    @TempDir
    Path dir;

    @Test
    void invalidConfigurationExitsWithCode2NamingTheVariable() throws Exception {
        try (JavaProcess process = JavaProcess.start(Main.class.getName(), List.of(),
                Map.of("MAX_FILE_SIZE_MB", "lots", "DATA_DIR", dir.resolve("data").toString()), List.of(), dir)) {
            assertThat(process.awaitExit(Duration.ofSeconds(120))).isEqualTo(2);
            assertThat(process.output())
                    .contains("MAX_FILE_SIZE_MB: expected a whole number from 1 to 10240, got \"lots\"")
                    .contains("docs/configuration.md")
                    .doesNotContain("Exception");
        }
    }

    @Test
    void aPortInUseStopsTheServerWithCode2NamingTheSetting() throws Exception {
        try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 50,
                java.net.InetAddress.getLoopbackAddress())) {
            Map<String, String> env = Map.of("DATA_DIR", dir.resolve("data").toString(),
                    "LISTEN_ADDR", "127.0.0.1:" + taken.getLocalPort(), "LOCAL_ADMIN_ADDR", "127.0.0.1:0");
            try (JavaProcess process = JavaProcess.start(Main.class.getName(), List.of(), env, List.of(), dir)) {
                assertThat(process.awaitExit(Duration.ofSeconds(120))).isEqualTo(2);
                assertThat(process.output()).contains("LISTEN_ADDR: cannot listen on 127.0.0.1:" + taken.getLocalPort())
                        .doesNotContain("Chatalot is listening");
            }
        }
    }

    /**
     * The search index opens after the listener (a faster start): when it cannot be opened at all, the server
     * still stops with status 2 and one line saying why, as when it could not start.
     */
    @Test
    void aSearchIndexThatCannotBeOpenedStopsTheServerWithCode2() throws Exception {
        Path data = java.nio.file.Files.createDirectories(dir.resolve("data"));
        java.nio.file.Files.writeString(data.resolve("search"), "a file where the index's folder belongs");
        Map<String, String> env = Map.of("DATA_DIR", data.toString(), "LISTEN_ADDR", "127.0.0.1:0",
                "LOCAL_ADMIN_ADDR", "127.0.0.1:0");
        try (JavaProcess process = JavaProcess.start(Main.class.getName(), List.of(), env, List.of(), dir)) {
            assertThat(process.awaitExit(Duration.ofSeconds(120))).isEqualTo(2);
            assertThat(process.lines()).anyMatch(line -> line.contains("ERROR") && line.contains(
                    "Cannot open the search index in " + data.resolve("search")) && line.endsWith("; stopping"));
            assertThat(process.output()).contains("Stopped");
        }
    }

    @Test
    void startsServesAndStopsCleanlyOnSigterm() throws Exception {
        Map<String, String> env = Map.of("DATA_DIR", dir.resolve("data").toString(), "LISTEN_ADDR", "127.0.0.1:0",
                "LOCAL_ADMIN_ADDR", "127.0.0.1:0");
        long started = System.nanoTime();
        try (JavaProcess process = JavaProcess.start(Main.class.getName(), List.of(), env, List.of(), dir)) {
            URI base = baseUri(process);
            HttpResponse<String> health = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(base.resolve("/api/health")).build(), HttpResponse.BodyHandlers.ofString());
            long firstOk = System.nanoTime();
            assertThat(health.statusCode()).isEqualTo(200);
            String open = "Chatalot is running: open " + base;
            assertThat(process.awaitLine(open::equals, Duration.ofSeconds(30))).isEqualTo(open);
            System.out.printf("cold start to first 200 on /api/health: %d ms%n", (firstOk - started) / 1_000_000);

            process.terminate();
            int exit = process.awaitExit(Duration.ofSeconds(60));

            assertThat(exit).as("JVM exit status after SIGTERM").isIn(0, 143);
            assertThat(process.output()).contains("Shutting down").contains("Stopped")
                    .doesNotContain("ERROR").doesNotContain("Exception");
        }
        try (JavaProcess again = JavaProcess.start(Main.class.getName(), List.of(), env, List.of(), dir)) {
            assertThat(baseUri(again)).as("restarts on the same data directory").isNotNull();
        }
    }

    private static URI baseUri(JavaProcess process) throws Exception {
        String line = process.awaitLine(l -> LISTENING.matcher(l).find(), Duration.ofSeconds(120));
        Matcher matcher = LISTENING.matcher(line);
        assertThat(matcher.find()).isTrue();
        return URI.create(matcher.group(1));
    }
}
