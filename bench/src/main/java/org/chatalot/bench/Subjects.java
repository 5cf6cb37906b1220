package org.chatalot.bench;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.chatalot.bench.ceiling.CeilingProcess;
import org.chatalot.bench.chatalot.ServerLaunch;
import org.chatalot.bench.chatalot.ServerProcess;
import org.chatalot.bench.core.Launch;
import org.chatalot.bench.report.SuiteResults;
import org.chatalot.bench.workload.ColdStartBench;

/**
 * The cold-start variants: our server on an empty and on an existing data directory, and the bare Helidon
 * ceiling, each with the start-up cache that {@code ./chatalot} and the systemd units use and without any. On JDK
 * 25 and newer the cache is an ahead-of-time cache made by a training run before the measured launches (ours: the
 * server's own {@code --aot-training}; the ceiling: started, asked for its health, stopped), as the launchers make
 * it; before 25, or from class folders (the tests), it is a class-data-sharing archive, written by the unmeasured
 * first launch.
 */
final class Subjects {
    static final String OURS_EXISTING = SuiteResults.OURS + ", existing data";
    static final String NO_CACHE = ", no start-up cache";
    private static final Duration TRAINING_TIMEOUT = Duration.ofMinutes(5);

    private Subjects() {
    }

    /**
     * JDK 25+ and a class path of jars only: the JVM makes no ahead-of-time cache from class folders (as when
     * the tests start the server from {@code target/classes}); those get the class-data-sharing archive.
     */
    static boolean aheadOfTime(String classPath) {
        return Runtime.version().feature() >= 25 && Arrays.stream(classPath.split(File.pathSeparator))
                .allMatch(entry -> Files.isRegularFile(Path.of(entry)));
    }

    /** Every variant, with the caches made (trained) in {@code workDir} first. */
    static List<ColdStartBench.Variant> coldStart(ServerLaunch launch, Path workDir) throws Exception {
        boolean oursAot = aheadOfTime(launch.arguments().get(1));
        boolean ceilingAot = aheadOfTime(System.getProperty("java.class.path"));
        List<String> ours = startupCache(workDir.resolve("chatalot"), oursAot);
        List<String> ceiling = startupCache(workDir.resolve("ceiling"), ceilingAot);
        if (oursAot) {
            trainChatalot(launch, workDir.resolve("chatalot.aot"), workDir);
        }
        if (ceilingAot) {
            trainCeiling(workDir.resolve("ceiling.aot"), workDir);
        }
        return List.of(
                new ColdStartBench.Variant(SuiteResults.OURS, chatalot(launch, ours), false),
                new ColdStartBench.Variant(OURS_EXISTING, chatalot(launch, ours), true),
                new ColdStartBench.Variant(SuiteResults.CEILING, ceiling(ceiling), false),
                new ColdStartBench.Variant(SuiteResults.OURS + NO_CACHE, chatalot(launch, List.of()), false),
                new ColdStartBench.Variant(OURS_EXISTING + NO_CACHE, chatalot(launch, List.of()), true),
                new ColdStartBench.Variant(SuiteResults.CEILING + NO_CACHE, ceiling(List.of()), false));
    }

    /** The JVM options that map the cache at {@code base}.aot (JDK 25+) or {@code base}.jsa (otherwise). */
    static List<String> startupCache(Path base, boolean aheadOfTime) {
        if (aheadOfTime) {
            return List.of("-XX:AOTCache=" + base + ".aot", "-Xlog:aot*=error");
        }
        return List.of("-XX:+AutoCreateSharedArchive", "-XX:SharedArchiveFile=" + base + ".jsa", "-Xlog:cds=off",
                "-Xlog:cds+dynamic=off");
    }

    private static ColdStartBench.Subject chatalot(ServerLaunch launch, List<String> cache) {
        return new ColdStartBench.Subject() {
            @Override
            public List<String> command(int port) {
                List<String> command = new ArrayList<>(List.of(Launch.java()));
                command.addAll(ServerProcess.jvmOptions());
                command.addAll(cache);
                command.addAll(launch.arguments());
                return command;
            }

            @Override
            public Map<String, String> environment(Path dataDir, int port) {
                return Map.of("DATA_DIR", dataDir.toString(), "LISTEN_ADDR", "127.0.0.1:" + port,
                        "LOCAL_ADMIN_ADDR", "off");
            }

            @Override
            public String healthPath() {
                return "/api/health";
            }
        };
    }

    private static ColdStartBench.Subject ceiling(List<String> cache) {
        return new ColdStartBench.Subject() {
            @Override
            public List<String> command(int port) {
                List<String> options = new ArrayList<>(ServerProcess.jvmOptions());
                options.addAll(cache);
                return CeilingProcess.command(options, port);
            }

            @Override
            public Map<String, String> environment(Path dataDir, int port) {
                return Map.of();
            }

            @Override
            public String healthPath() {
                return "/health";
            }
        };
    }

    /** The launchers' training run: the server starts twice on a temporary data directory and exits. */
    private static void trainChatalot(ServerLaunch launch, Path cache, Path workDir) throws Exception {
        List<String> command = new ArrayList<>(List.of(Launch.java()));
        command.addAll(ServerProcess.jvmOptions());
        command.addAll(List.of("-XX:AOTCacheOutput=" + cache, "-Xlog:aot=off", "-Xlog:cds=off"));
        command.addAll(launch.arguments());
        command.add("--aot-training");
        Path log = workDir.resolve("chatalot-training.log");
        Process process = new ProcessBuilder(Launch.pinned(command)).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        if (!process.waitFor(TRAINING_TIMEOUT.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)
                || process.exitValue() != 0 || !Files.exists(cache)) {
            Launch.stop(process, Duration.ofSeconds(5));
            throw new IOException("the training run made no cache: " + Launch.tail(log));
        }
    }

    /** The ceiling has no training mode: started with the option, asked for its health, stopped (SIGTERM). */
    private static void trainCeiling(Path cache, Path workDir) throws Exception {
        int port = Launch.freePort();
        List<String> options = new ArrayList<>(ServerProcess.jvmOptions());
        options.addAll(List.of("-XX:AOTCacheOutput=" + cache, "-Xlog:aot=off", "-Xlog:cds=off"));
        Path log = workDir.resolve("ceiling-training.log");
        Process process = new ProcessBuilder(Launch.pinned(CeilingProcess.command(options, port)))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(200)).build();
        long deadline = System.nanoTime() + TRAINING_TIMEOUT.toNanos();
        boolean healthy = false;
        while (!healthy && process.isAlive() && System.nanoTime() < deadline) {
            try {
                healthy = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health"))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding())
                        .statusCode() == 200;
            } catch (IOException notYet) {
                Thread.sleep(20);
            }
        }
        Launch.stop(process, TRAINING_TIMEOUT); // the JVM writes the cache as it exits
        if (!healthy || !Files.exists(cache)) {
            throw new IOException("the ceiling's training run made no cache: " + Launch.tail(log));
        }
    }
}
