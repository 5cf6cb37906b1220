package org.chatalot.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** W6: from launching {@code java -jar} on an empty data directory to the first 200 on /api/health. */
final class ColdStartBench {

    record Result(List<Double> millis, double medianMillis) {
    }

    Result run(Path serverJar, Path workDir, int runs) throws Exception {
        List<Double> times = new ArrayList<>();
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(200)).build();
        for (int i = 0; i < runs; i++) {
            Path data = Files.createTempDirectory(workDir, "cold-");
            int port = 20_000 + (int) (Math.random() * 20_000);
            ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java")
                    .toString(), "-jar", serverJar.toString()).redirectErrorStream(true)
                    .redirectOutput(data.resolveSibling(data.getFileName() + ".log").toFile());
            builder.environment().put("DATA_DIR", data.toString());
            builder.environment().put("LISTEN_ADDR", "127.0.0.1:" + port);
            builder.environment().put("LOCAL_ADMIN_ADDR", "off");
            long start = System.nanoTime();
            Process process = builder.start();
            URI health = URI.create("http://127.0.0.1:" + port + "/api/health");
            while (true) {
                try {
                    HttpResponse<Void> r = client.send(HttpRequest.newBuilder(health).build(),
                            HttpResponse.BodyHandlers.discarding());
                    if (r.statusCode() == 200) {
                        break;
                    }
                } catch (java.io.IOException e) {
                    Thread.sleep(5);
                }
            }
            times.add((System.nanoTime() - start) / 1e6);
            process.destroy();
            process.waitFor();
        }
        List<Double> sorted = new ArrayList<>(times);
        sorted.sort(Double::compare);
        return new Result(times, sorted.get(sorted.size() / 2));
    }
}
