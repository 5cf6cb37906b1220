package org.chatalot.bench.web;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.JsonNode;

import org.chatalot.bench.chatalot.Api;
import org.chatalot.bench.chatalot.ServerLaunch;
import org.chatalot.bench.chatalot.ServerProcess;
import org.chatalot.bench.chatalot.Socket;
import org.chatalot.bench.core.Machine;
import org.chatalot.bench.core.ProcessStats;
import org.chatalot.model.auth.AuthTokens;
import org.chatalot.model.channel.Channel;

/**
 * W8: the web client in Chromium through nginx (TLS, HTTP/2). The server gets two ordinary channels of
 * 100 messages and one of {@code bigChannel} messages; the browser script (e2e/browser/web-bench.mjs)
 * signs in as a member and measures; while it measures interaction latency, another member writes into
 * the open channel at {@code trafficRate} messages per second over the WebSocket. Last, a file of
 * {@code uploadBytes} goes through the composer: how often its progress moves, and the server's peak memory.
 */
public final class WebBench {
    private static final Duration SCRIPT_TIMEOUT = Duration.ofMinutes(15);
    private static final int IN_FLIGHT = 30;

    private final int bigChannel;
    private final int runs;
    private final int samples;
    private final int interactionSeconds;
    private final int trafficRate;
    private final long uploadBytes;

    /** {@code uploadBytes}: the file uploaded through the composer at the end (0: none). */
    public WebBench(int bigChannel, int runs, int samples, int interactionSeconds, int trafficRate, long uploadBytes) {
        this.bigChannel = bigChannel;
        this.runs = runs;
        this.samples = samples;
        this.interactionSeconds = interactionSeconds;
        this.trafficRate = trafficRate;
        this.uploadBytes = uploadBytes;
    }

    /** Why W8 cannot run here, or null when it can. */
    public static String missingTools(Path repo) {
        if (!WebFront.isInstalled()) {
            return "needs nginx, openssl and certutil (libnss3-tools)";
        }
        if (!Files.isExecutable(Path.of("/usr/bin/chromium"))) {
            return "needs Debian's chromium";
        }
        if (!Files.isDirectory(repo.resolve("e2e/browser/node_modules/playwright-core"))) {
            return "needs playwright-core in e2e/browser (scripts/install-test-deps runs npm ci there)";
        }
        return null;
    }

    public WebResults run(ServerLaunch launch, Path work, Path repo) throws Exception {
        try (ServerProcess server = ServerProcess.start(launch, work, ServerProcess.FAST_SETUP,
                ServerProcess.jvmOptions());
             WebFront front = WebFront.start(work, server.base())) {
            Api api = new Api(server.base());
            AuthTokens owner = api.registerOwner(server.setupCode());
            List<AuthTokens> members = api.registerMembers(owner, "member", 2);
            AuthTokens reader = members.get(0);
            AuthTokens writer = members.get(1);
            Channel general = api.channel(owner, "general");
            Channel random = api.channel(owner, "random");
            Channel big = api.channel(owner, "big");
            for (Channel channel : List.of(general, random, big)) {
                api.join(reader, channel.id());
                api.join(writer, channel.id());
            }
            HttpClient client = HttpClient.newHttpClient();
            long seedStart = System.nanoTime();
            seed(client, server, writer, general, 100, "general");
            seed(client, server, writer, random, 100, "random");
            seed(client, server, writer, big, bigChannel, "big");
            System.out.printf("  W8 seeded %d messages in %.1f s%n", bigChannel + 200,
                    (System.nanoTime() - seedStart) / 1e9);
            JsonNode measured = browse(repo, front, "member0", general, random, big,
                    new Traffic(client, server, writer, general, trafficRate), server.handle());
            return WebResults.from(measured, bigChannel, trafficRate, Machine.describe());
        }
    }

    /** Writes {@code count} messages over one WebSocket, a window of them in flight, and waits for all. */
    private static void seed(HttpClient client, ServerProcess server, AuthTokens writer, Channel channel, int count,
                             String label) throws InterruptedException {
        Semaphore window = new Semaphore(IN_FLIGHT);
        AtomicLong stored = new AtomicLong();
        Socket socket = Socket.open(client, server.base(), writer.accessToken(), frame -> {
            String text = frame.toString();
            if (text.contains("\"type\":\"message_sent\"") || text.contains("\"type\":\"error\"")) {
                stored.incrementAndGet();
                window.release();
            }
        });
        try {
            for (int i = 0; i < count; i++) {
                window.acquire();
                socket.sendMessage(channel.id().toString(), "%s %05d".formatted(label, i), "seed-" + label + "-" + i);
            }
            window.acquire(IN_FLIGHT);
        } finally {
            socket.close();
        }
        if (stored.get() != count) {
            throw new IllegalStateException("seeded " + stored.get() + " of " + count + " messages");
        }
    }

    private JsonNode browse(Path repo, WebFront front, String username, Channel general, Channel random, Channel big,
                            Traffic traffic, ProcessHandle serverProcess) throws IOException, InterruptedException {
        Path project = repo.resolve("e2e/browser");
        ProcessBuilder builder = new ProcessBuilder("node", "web-bench.mjs").directory(project.toFile())
                .redirectError(ProcessBuilder.Redirect.INHERIT);
        builder.environment().putAll(Map.ofEntries(
                Map.entry("BASE_URL", front.base().toString()),
                Map.entry("CHROMIUM", "/usr/bin/chromium"),
                Map.entry("BROWSER_HOME", front.browserHome().toString()),
                Map.entry("USERNAME", username),
                Map.entry("PASSWORD", Api.PASSWORD),
                Map.entry("GENERAL", general.id().toString()),
                Map.entry("RANDOM", random.id().toString()),
                Map.entry("BIG", big.id().toString()),
                Map.entry("RUNS", String.valueOf(runs)),
                Map.entry("SAMPLES", String.valueOf(samples)),
                Map.entry("INTERACTION_SECONDS", String.valueOf(interactionSeconds)),
                Map.entry("TRAFFIC_RATE", String.valueOf(trafficRate)),
                Map.entry("UPLOAD_BYTES", String.valueOf(uploadBytes))));
        Process process = builder.start();
        List<String> output = new ArrayList<>();
        long rssBefore = 0;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8));
             Writer in = new java.io.OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8)) {
            String line;
            while ((line = out.readLine()) != null) {
                output.add(line);
                if (line.startsWith("TRAFFIC ")) {
                    traffic.set(Integer.parseInt(line.substring("TRAFFIC ".length()).strip()));
                    in.write("OK\n");
                    in.flush();
                } else if (line.equals("MEMORY START")) {
                    // The server's peak memory from here (as W5 measures an upload's).
                    ProcessStats.resetPeak(serverProcess);
                    rssBefore = ProcessStats.rssBytes(serverProcess);
                    in.write("OK\n");
                    in.flush();
                } else if (line.equals("MEMORY STOP")) {
                    long peak = ProcessStats.peakRssBytes(serverProcess);
                    in.write(String.format(Locale.ROOT, "{\"rssBeforeMiB\": %.1f, \"peakGrowthMiB\": %.1f}%n",
                            rssBefore / 1048576.0, (peak - rssBefore) / 1048576.0));
                    in.flush();
                } else if (line.startsWith("RESULT ")) {
                    break;
                }
            }
        } finally {
            traffic.set(0);
            if (!process.waitFor(SCRIPT_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
        String result = output.stream().filter(line -> line.startsWith("RESULT ")).reduce((a, b) -> b)
                .orElseThrow(() -> new IllegalStateException("web-bench.mjs printed no RESULT:\n"
                        + String.join("\n", output)));
        return Api.JSON.readTree(result.substring("RESULT ".length()));
    }

    /** Another member writing into a channel at a steady rate while the browser is measured. */
    private static final class Traffic {
        private final HttpClient client;
        private final ServerProcess server;
        private final AuthTokens writer;
        private final Channel channel;
        private final ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor();
        private Socket socket;
        private ScheduledFuture<?> task;
        private long sent;

        Traffic(HttpClient client, ServerProcess server, AuthTokens writer, Channel channel, int rate) {
            this.client = client;
            this.server = server;
            this.writer = writer;
            this.channel = channel;
        }

        synchronized void set(int rate) {
            if (task != null) {
                task.cancel(false);
                task = null;
                socket.close();
                socket = null;
            }
            if (rate <= 0) {
                clock.shutdownNow();
                return;
            }
            socket = Socket.open(client, server.base(), writer.accessToken(), frame -> { });
            long period = 1_000_000 / rate;
            task = clock.scheduleAtFixedRate(() -> {
                synchronized (this) {
                    if (socket != null) {
                        socket.sendMessage(channel.id().toString(), "incoming " + sent, "traffic-" + sent);
                        sent++;
                    }
                }
            }, 0, period, TimeUnit.MICROSECONDS);
        }
    }
}
