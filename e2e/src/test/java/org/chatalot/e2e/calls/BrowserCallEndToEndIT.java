package org.chatalot.e2e.calls;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.chatalot.model.auth.AuthTokens;
import org.chatalot.model.channel.Channel;
import org.chatalot.model.channel.Visibility;
import org.chatalot.server.testing.TestServer;
import org.chatalot.server.testing.TestUsers;
import org.chatalot.server.testing.WsClient;
import org.chatalot.testing.ExternalTools;
import org.chatalot.testing.TempDirs;

/**
 * A real call: two headless Chromium processes sign in on the call page as two users, join one voice channel
 * through our server, and must reach {@code connected} with inbound RTP bytes growing; then one hangs up and
 * the other sees {@code user_left_voice}. A third member watches the channel over a plain WebSocket, so the
 * server's own announcements are checked too, not only what the pages show.
 */
class BrowserCallEndToEndIT {
    private static final Duration SCRIPT_TIMEOUT = Duration.ofSeconds(300);

    @RegisterExtension
    static TestServer server = TestServer.create();

    @Test
    void twoBrowsersConnectThroughOurSignalingAndSeeTheHangUp() throws Exception {
        Path chromium = ExternalTools.require("chromium");
        Path node = ExternalTools.require("node");
        Path project = browserProject();
        AuthTokens alice = server.users().register("call.alice");
        AuthTokens bob = server.users().register("call.bob");
        AuthTokens watcher = server.users().register("call.watcher");
        Channel voice = server.chat().voiceChannel(alice, "browser-call", Visibility.PUBLIC);
        server.chat().join(bob, voice.id());
        server.chat().join(watcher, voice.id());

        try (WsClient channel = WsClient.authenticated(server, watcher.accessToken())) {
            JsonNode result = runCallScript(node, chromium, project, voice, List.of(alice, bob));
            System.out.println("browser call measured: " + result);

            assertThat(result.path("failure").asText()).as("script: %s", result).isEmpty();
            for (AuthTokens user : List.of(alice, bob)) {
                String name = user.user().username();
                JsonNode bytes = result.at("/inboundBytes/" + name);
                assertThat(result.at("/msToConnected/" + name).asLong()).as("%s connected", name).isPositive();
                assertThat(bytes.get("before").asLong()).as("%s receives RTP", name).isPositive();
                assertThat(bytes.get("after").asLong()).as("%s keeps receiving", name)
                        .isGreaterThan(bytes.get("before").asLong());
            }
            assertThat(result.get("problems")).as("no script errors on the page")
                    .noneMatch(problem -> problem.asText().startsWith("pageerror"));
            assertThat(result.get("tileRemoved").asBoolean()).isTrue();
            assertThat(result.get("statusAfterLeave").asText()).isEqualTo("left");
            assertThat(channel.await("user_joined_voice", e -> isAbout(e, bob)).get("channel_id").asText())
                    .isEqualTo(voice.id().toString());
            assertThat(channel.await("user_left_voice", e -> isAbout(e, alice)).get("reason").asText())
                    .isEqualTo("left");
        }
    }

    private static JsonNode runCallScript(Path node, Path chromium, Path project, Channel voice,
                                          List<AuthTokens> users) throws IOException, InterruptedException {
        List<Map<String, String>> who = users.stream().map(u -> Map.of("username", u.user().username(),
                "id", u.user().id().toString())).toList();
        Path dir = TempDirs.create("chatalot-call-");
        try {
            return runCallScript(node, chromium, project, voice, who, dir.resolve("call-test.log"));
        } finally {
            TempDirs.deleteRecursively(dir);
        }
    }

    private static JsonNode runCallScript(Path node, Path chromium, Path project, Channel voice,
                                          List<Map<String, String>> who, Path output)
            throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(node.toString(), "call-test.mjs")
                .directory(project.toFile())
                .redirectErrorStream(true)
                .redirectOutput(output.toFile());
        builder.environment().putAll(Map.of(
                "BASE_URL", "http://127.0.0.1:" + server.server().port(),
                "CHANNEL_ID", voice.id().toString(),
                "PASSWORD", TestUsers.PASSWORD,
                "USERS", server.json().writeValueAsString(who),
                "CHROMIUM", chromium.toString()));
        Process process = builder.start();
        if (!process.waitFor(SCRIPT_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            Assertions.fail("call-test.mjs still running after " + SCRIPT_TIMEOUT + ":\n" + read(output));
        }
        String log = read(output);
        String line = log.lines().filter(l -> l.startsWith("RESULT ")).reduce((a, b) -> b)
                .orElseThrow(() -> new AssertionError("call-test.mjs printed no RESULT:\n" + log));
        return server.json().readTree(line.substring("RESULT ".length()));
    }

    /** e2e/browser with its npm packages installed ({@code scripts/install-test-deps} runs {@code npm ci}). */
    private static Path browserProject() {
        Path project = Path.of("browser").toAbsolutePath();
        if (!Files.isDirectory(project.resolve("node_modules/playwright-core"))) {
            String message = "playwright-core is not installed in " + project + " (run scripts/install-test-deps)";
            if (ExternalTools.isCi()) {
                Assertions.fail(message + "; CI must provide it");
            }
            Assumptions.abort(message);
        }
        return project;
    }

    private static boolean isAbout(JsonNode event, AuthTokens user) {
        return event.path("user_id").asText().equals(user.user().id().toString());
    }

    private static String read(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8);
    }
}
