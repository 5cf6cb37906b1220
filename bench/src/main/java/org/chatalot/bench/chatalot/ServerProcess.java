package org.chatalot.bench.chatalot;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.chatalot.bench.core.Launch;
import org.chatalot.bench.core.LoopbackGuard;

/** Our server in its own process, pinned to the server core, with an empty data directory on loopback. */
public final class ServerProcess implements AutoCloseable {
    /** Cheap Argon2 and no rate limits: for workloads that set up many users and are not about logins. */
    public static final Map<String, String> FAST_SETUP = Map.of("ARGON2_MEMORY_KIB", "19456",
            "ARGON2_ITERATIONS", "2", "ARGON2_PARALLELISM", "1", "RATE_LIMIT_BURST", "1000000",
            "RATE_LIMIT_PER_SECOND", "1000000", "AUTH_RATE_LIMIT_BURST", "1000000",
            "AUTH_RATE_LIMIT_PER_SECOND", "1000000", "WS_RATE_LIMIT_BURST", "1000000",
            "WS_RATE_LIMIT_PER_SECOND", "1000000");
    public static final String NAME = "Chatalot";
    private static final String SERIAL_COLLECTOR = "-XX:+UseSerialGC";
    private static final Pattern COLLECTOR = Pattern.compile("-XX:\\+Use\\w+GC");
    /**
     * Options of every JVM under test (ours and the ceiling alike, so that they stay comparable): those that
     * bin/chatalot (and so the systemd units) and ./chatalot start the server with (server-jvm.sh), the start-up
     * cache aside: the heap, the serial collector, and the JIT compilers' and Java's lowest priority's threads
     * (ours: password hashing) at nice 10 with every other thread at nice 0.
     */
    public static final List<String> JVM_OPTIONS = Stream.concat(
            Stream.of("-Xms32m", "-Xmx512m", SERIAL_COLLECTOR, "-XX:MetaspaceSize=128m", "-XX:ThreadPriorityPolicy=1",
                    "-XX:CompilerThreadPriority=10", "-XX:JavaPriority1_To_OSPriority=10"),
            IntStream.rangeClosed(2, 10).mapToObj(priority -> "-XX:JavaPriority" + priority + "_To_OSPriority=0"))
            .toList();
    /** Extra JVM options for both, from the CLI's {@code --jvm-options}, e.g. another collector. */
    public static final String EXTRA_JVM_OPTIONS_PROPERTY = "bench.jvmOptions";
    private static final Pattern LISTENING = Pattern.compile("Chatalot is listening on (http://\\S+?)(;|$)");
    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);

    private final Process process;
    private final URI base;
    private final Path dataDir;

    private ServerProcess(Process process, URI base, Path dataDir) {
        this.process = process;
        this.base = base;
        this.dataDir = dataDir;
    }

    /** Starts the server and returns once it has logged its listening address. */
    public static ServerProcess start(ServerLaunch launch, Path workDir, Map<String, String> env,
                                      List<String> jvmOptions) throws IOException, InterruptedException {
        Path dataDir = Files.createTempDirectory(workDir, "data-");
        List<String> command = new ArrayList<>(List.of(Launch.java()));
        command.addAll(jvmOptions);
        command.addAll(launch.arguments());
        Path log = dataDir.resolveSibling(dataDir.getFileName() + ".log");
        ProcessBuilder builder = new ProcessBuilder(Launch.pinned(command)).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().putAll(Map.of("DATA_DIR", dataDir.toString(), "LISTEN_ADDR", "127.0.0.1:0",
                "LOCAL_ADMIN_ADDR", "127.0.0.1:0", "WS_PING_INTERVAL_SECONDS", "25"));
        builder.environment().putAll(env);
        Process process = builder.start();
        try {
            URI base = URI.create(awaitListening(process, log));
            LoopbackGuard.requireLoopbackOnly(process.toHandle(), "Chatalot");
            return new ServerProcess(process, base, dataDir);
        } catch (IOException | RuntimeException e) {
            Launch.stop(process, Duration.ofSeconds(5));
            throw e;
        }
    }

    public static List<String> jvmOptions() {
        String extra = System.getProperty(EXTRA_JVM_OPTIONS_PROPERTY, "").strip();
        List<String> extras = extra.isEmpty() ? List.of() : List.of(extra.split("\\s+"));
        List<String> options = new ArrayList<>(JVM_OPTIONS);
        // As server-jvm.sh: another collector replaces the serial one (two would stop the JVM).
        if (extras.stream().anyMatch(option -> COLLECTOR.matcher(option).matches())) {
            options.remove(SERIAL_COLLECTOR);
        }
        options.addAll(extras);
        return options;
    }

    public URI base() {
        return base;
    }

    /** The server's DATA_DIR (its database is there once the server has stopped). */
    public Path dataDir() {
        return dataDir;
    }

    public ProcessHandle handle() {
        return process.toHandle();
    }

    public String setupCode() throws IOException {
        return Files.readString(dataDir.resolve("setup-code"), StandardCharsets.US_ASCII).strip();
    }

    @Override
    public void close() {
        Launch.stop(process, Duration.ofSeconds(20));
    }

    private static String awaitListening(Process process, Path log) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (Files.exists(log)) {
                for (String line : Files.readAllLines(log)) {
                    Matcher listening = LISTENING.matcher(line);
                    if (listening.find()) {
                        return listening.group(1);
                    }
                }
            }
            if (!process.isAlive()) {
                throw new IOException("server exited: " + Launch.tail(log));
            }
            Thread.sleep(20);
        }
        throw new IOException("server did not start within " + START_TIMEOUT + ": " + Launch.tail(log));
    }
}
