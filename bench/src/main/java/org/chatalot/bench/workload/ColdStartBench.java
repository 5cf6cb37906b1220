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
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.chatalot.bench.core.Launch;
import org.chatalot.bench.core.Machine;

/**
 * W6: from launching a server process (pinned to the server core) to its first 200 on a health URL. Several
 * variants (our server on an empty and on an existing data directory, with and without the start-up cache; the
 * bare Helidon ceiling with and without it) are measured in turn, one launch of each per round, so that a change
 * in the machine's load falls on all of them alike. For our server an empty data directory means generating keys
 * and creating the database; the ceiling shows what the framework and the JVM alone cost.
 */
public final class ColdStartBench {
    private static final Duration TIMEOUT = Duration.ofSeconds(90);

    public record Result(String server, List<Double> millis, double medianMillis, String load) {
    }

    /** What to start: the command for a port, its environment for a data directory, the health path. */
    public interface Subject {
        List<String> command(int port);

        Map<String, String> environment(Path dataDir, int port);

        String healthPath();
    }

    /** One measured line: a subject, and whether every launch gets a fresh data directory or the same one. */
    public record Variant(String name, Subject subject, boolean existingData) {
    }

    /**
     * One unmeasured launch per variant (it writes a class-data-sharing archive where that is the cache in use,
     * and creates the data directory of an "existing data" variant), then {@code runs} rounds.
     */
    public List<Result> run(List<Variant> variants, Path workDir, int runs) throws Exception {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(200)).build();
        Map<String, Path> dataDirs = new HashMap<>();
        Map<String, List<Double>> times = new LinkedHashMap<>();
        for (Variant variant : variants) {
            dataDirs.put(variant.name(), Files.createTempDirectory(workDir, "cold-"));
            once(variant, dataDirs.get(variant.name()), client);
            times.put(variant.name(), new ArrayList<>());
        }
        for (int i = 0; i < runs; i++) {
            for (Variant variant : variants) {
                Path data = variant.existingData() ? dataDirs.get(variant.name())
                        : Files.createTempDirectory(workDir, "cold-");
                times.get(variant.name()).add(once(variant, data, client));
            }
        }
        List<Result> results = new ArrayList<>();
        times.forEach((name, millis) -> {
            List<Double> sorted = new ArrayList<>(millis);
            sorted.sort(Double::compare);
            Result result = new Result(name, millis, sorted.get(sorted.size() / 2), Machine.loadAverage());
            System.out.printf("  W6 %-36s median %.0f ms over %d runs %s%n", name, result.medianMillis(), runs,
                    millis);
            results.add(result);
        });
        return results;
    }

    private static double once(Variant variant, Path data, HttpClient client) throws Exception {
        Subject subject = variant.subject();
        int port = Launch.freePort();
        ProcessBuilder builder = new ProcessBuilder(Launch.pinned(subject.command(port))).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(data.resolveSibling(data.getFileName() + ".log").toFile()));
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
