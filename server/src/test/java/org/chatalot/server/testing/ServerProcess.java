package org.chatalot.server.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.chatalot.model.auth.AuthTokens;
import org.chatalot.model.auth.RegisterRequest;
import org.chatalot.server.http.Json;
import org.chatalot.testing.JavaProcess;

/**
 * The server in its own JVM, started through {@code Main} as an operator would, for what needs a separate
 * process: a heap limit, resident memory, a process to put nginx in front of.
 */
public final class ServerProcess implements AutoCloseable {
    private static final String MAIN = "org.chatalot.server.Main";
    private static final Pattern LISTENING = Pattern.compile("Chatalot is listening on (http://\\S+?)(;|$)");
    private static final Pattern LOCAL_ADMIN = Pattern.compile("local admin on \\S+:(\\d+)");
    private static final ObjectMapper JSON = Json.createMapper();

    private final JavaProcess process;
    private final Path dataDir;
    private final URI baseUri;
    private final int localAdminPort;
    private final HttpClient client = HttpClient.newHttpClient();

    private ServerProcess(JavaProcess process, Path dataDir, URI baseUri, int localAdminPort) {
        this.process = process;
        this.dataDir = dataDir;
        this.baseUri = baseUri;
        this.localAdminPort = localAdminPort;
    }

    /** Starts with test-friendly defaults (random ports, cheap Argon2) overridden by {@code settings}. */
    public static ServerProcess start(Path dir, List<String> jvmOptions, Map<String, String> settings)
            throws IOException, InterruptedException {
        Path dataDir = dir.resolve("data");
        Map<String, String> env = new HashMap<>(Map.of("LISTEN_ADDR", "127.0.0.1:0", "LOCAL_ADMIN_ADDR",
                "127.0.0.1:0", "DATA_DIR", dataDir.toString(), "ARGON2_MEMORY_KIB", "19456",
                "ARGON2_ITERATIONS", "2", "ARGON2_PARALLELISM", "1", "MIN_FREE_DISK_MB", "1"));
        env.putAll(settings);
        JavaProcess process = JavaProcess.start(MAIN, jvmOptions, env, List.of(), dir);
        try {
            String line = process.awaitLine(l -> LISTENING.matcher(l).find(), Duration.ofSeconds(120));
            Matcher listening = LISTENING.matcher(line);
            Matcher local = LOCAL_ADMIN.matcher(line);
            if (!listening.find() || !local.find()) {
                throw new AssertionError("unexpected start line: " + line);
            }
            return new ServerProcess(process, dataDir, URI.create(listening.group(1)),
                    Integer.parseInt(local.group(1)));
        } catch (IOException | InterruptedException | RuntimeException | AssertionError e) {
            process.close();
            throw e;
        }
    }

    public URI baseUri() {
        return baseUri;
    }

    public int port() {
        return baseUri.getPort();
    }

    public long pid() {
        return process.pid();
    }

    public String output() throws IOException {
        return process.output();
    }

    /** Registers the owner with the setup code the server wrote, and returns an access token. */
    public String ownerToken() throws IOException, InterruptedException {
        String code = Files.readString(dataDir.resolve("setup-code")).strip();
        String body = JSON.writeValueAsString(new RegisterRequest("owner", "Owner", null, TestUsers.PASSWORD, null,
                code));
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(baseUri.resolve("/api/auth/register"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 201) {
            throw new AssertionError("owner registration failed: " + response.body());
        }
        return JSON.readValue(response.body(), AuthTokens.class).accessToken();
    }

    /** Bytes of Java heap in use now, from the server's own metrics on the loopback listener. */
    public long heapUsedBytes() throws IOException, InterruptedException {
        String metrics = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + localAdminPort
                + "/metrics")).build(), HttpResponse.BodyHandlers.ofString()).body();
        return (long) metrics.lines()
                .filter(l -> l.startsWith("jvm_memory_used_bytes{") && l.contains("area=\"heap\""))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }

    /** Resident set size now ({@code VmRSS}) or at its peak ({@code VmHWM}), from /proc; -1 elsewhere. */
    public long residentBytes(boolean peak) throws IOException {
        Path status = Path.of("/proc", Long.toString(process.pid()), "status");
        if (!Files.exists(status)) {
            return -1;
        }
        String key = peak ? "VmHWM:" : "VmRSS:";
        return Files.readAllLines(status).stream().filter(l -> l.startsWith(key))
                .mapToLong(l -> Long.parseLong(l.replaceAll("\\D", "")) * 1024).findFirst().orElse(-1);
    }

    /** SIGKILL: no shutdown hook runs, as in a crash or a power cut for the process. */
    public void killHard() throws InterruptedException {
        process.killHard();
    }

    @Override
    public void close() throws InterruptedException {
        process.terminate();
        try {
            process.awaitExit(Duration.ofSeconds(20));
        } finally {
            process.close();
        }
    }
}
