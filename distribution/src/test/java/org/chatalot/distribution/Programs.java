package org.chatalot.distribution;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.chatalot.testing.Poll;
import org.chatalot.testing.ToolResult;

/** Runs the packaged programs as a user would: commands to completion, servers in the background. */
final class Programs {
    static final Path RELEASE_DIR = Path.of(System.getProperty("chatalot.release.dir"));
    static final Path ARCHIVE = Path.of(System.getProperty("chatalot.release.archive"));
    static final Path BUILD_DIR = Path.of(System.getProperty("chatalot.build.dir"));
    static final Path REPOSITORY = Path.of(System.getProperty("chatalot.repository.root"));
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private Programs() {
    }

    /** Runs to completion (two minutes at most); stdout and stderr together. */
    static ToolResult run(Map<String, String> environment, String... command) {
        return ToolResult.run(List.of(command), environment, Duration.ofMinutes(2));
    }

    static ToolResult run(String... command) {
        return run(Map.of(), command);
    }

    /** A server (or anything long-running) with its output in a file. */
    static Background start(Map<String, String> environment, Path log, String... command) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        return new Background(builder.start(), log);
    }

    /** GET on the loopback, or null while nothing answers. */
    static HttpResponse<String> get(int port, String path) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** POST of a JSON body on the loopback. */
    static HttpResponse<String> post(int port, String path, String json) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A process started in the background: waits on its output, stops it and everything it started. */
    record Background(Process process, Path log) implements AutoCloseable {
        String printed() {
            return output();
        }

        /** Waits until the output holds {@code text}; fails with the output if the process ends first. */
        void awaitOutput(String text, Duration timeout) throws IOException {
            boolean seen = Poll.until(() -> output().contains(text) || !process.isAlive(), timeout);
            if (!seen || !output().contains(text)) {
                throw new AssertionError((process.isAlive() ? "no '" + text + "' within " + timeout
                        : "exited " + process.exitValue() + " before printing '" + text + "'") + ":\n" + output());
            }
        }

        private String output() {
            try {
                return Files.readString(log, StandardCharsets.UTF_8);
            } catch (IOException e) {
                return "";
            }
        }

        /** SIGTERM to the process and its descendants (a launcher's JVM included); waits for them to end. */
        int terminate(Duration timeout) throws Exception {
            List<ProcessHandle> all = process.descendants().toList();
            process.toHandle().destroy();
            all.forEach(ProcessHandle::destroy);
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new AssertionError("still running " + timeout + " after SIGTERM:\n" + output());
            }
            for (ProcessHandle child : all) {
                child.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            }
            return process.exitValue();
        }

        @Override
        public void close() {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
    }
}
