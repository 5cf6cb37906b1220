package org.chatalot.bench.workload;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.chatalot.bench.core.Launch;
import org.chatalot.bench.core.Machine;

/**
 * W6: from launching a server process (pinned to the server core) to its first 200 on a health URL. For our
 * server the data directory is empty, so the time includes generating keys and creating the database; the
 * bare Helidon ceiling shows what the framework and the JVM alone cost.
 */
public final class ColdStartBench {
    private static final Duration TIMEOUT = Duration.ofSeconds(90);

    public record Result(String server, List<Double> millis, double medianMillis, String load) {
    }

    /** What to start: the command for a port, its environment for a fresh data directory, the health path. */
    public interface Subject {
        String name();

        List<String> command(int port);

        Map<String, String> environment(Path dataDir, int port);

        String healthPath();
    }

    public Result run(Subject subject, Path workDir, int runs) throws Exception {
        List<Double> times = new ArrayList<>();
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(200)).build();
        once(subject, workDir, client); // writes the class-data-sharing archive the measured runs map
        for (int i = 0; i < runs; i++) {
            times.add(once(subject, workDir, client));
        }
        List<Double> sorted = new ArrayList<>(times);
        sorted.sort(Double::compare);
        Result result = new Result(subject.name(), times, sorted.get(sorted.size() / 2), Machine.loadAverage());
        System.out.printf("  W6 %-16s median %.0f ms over %d runs %s%n", subject.name(), result.medianMillis(),
                runs, times);
        return result;
    }

    private static double once(Subject subject, Path workDir, HttpClient client) throws Exception {
        Path data = Files.createTempDirectory(workDir, "cold-");
        int port = Launch.freePort();
        ProcessBuilder builder = new ProcessBuilder(Launch.pinned(subject.command(port))).redirectErrorStream(true)
                .redirectOutput(data.resolveSibling(data.getFileName() + ".log").toFile());
        builder.environment().putAll(subject.environment(data, port));
        long start = System.nanoTime();
        Process process = builder.start();
        try {
            awaitHealthy(client, URI.create("http://127.0.0.1:" + port + subject.healthPath()), process);
            return (System.nanoTime() - start) / 1e6;
        } finally {
            Launch.stop(process, Duration.ofSeconds(20));
        }
    }

    private static void awaitHealthy(HttpClient client, URI health, Process process) throws Exception {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (System.nanoTime() < deadline && process.isAlive()) {
            try {
                HttpResponse<Void> r = client.send(HttpRequest.newBuilder(health).timeout(Duration.ofSeconds(5))
                        .build(), HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                Thread.sleep(5);
            }
        }
        throw new IOException(health + " did not answer 200 within " + TIMEOUT);
    }
}
