package org.chatalot.server;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.chatalot.model.ApiPaths;
import org.chatalot.server.config.ConfigLoader;

/**
 * The training run for JDK 25's ahead-of-time cache ({@code java -XX:AOTCacheOutput=FILE -jar … --aot-training},
 * run by the launchers): starts the server as a real start does, once on an empty data directory and once on
 * the one it just created, answers a few requests, stops and exits; the JVM then writes the classes it loaded
 * and linked to FILE, and later starts map them instead of loading them again.
 *
 * <p>It ignores the environment (the operator's DATA_DIR, DATABASE_URL or listen address are never touched):
 * its own temporary data directory, loopback on a free port, no local admin listener.
 */
final class AotTraining {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final List<String> PATHS = List.of(ApiPaths.HEALTH, "/", ApiPaths.AUTH + "/config",
            ApiPaths.API + "/no-such-endpoint");

    private AotTraining() {
    }

    /** Returns the process exit status: 0 when both starts answered 200 on the health URL. */
    static int run() {
        Path dataDir = null;
        try {
            dataDir = Files.createTempDirectory("chatalot-aot-training-");
            Map<String, String> environment = Map.of("DATA_DIR", dataDir.toString(), "LISTEN_ADDR", "127.0.0.1:0",
                    "LOCAL_ADMIN_ADDR", "off");
            startAndStop(environment); // an empty data directory: keys generated, the database created
            startAndStop(environment); // an existing one: what every restart does
            return 0;
        } catch (IOException | RuntimeException e) {
            System.err.println("chatalot: the start-up cache's training run failed: " + e);
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        } finally {
            deleteQuietly(dataDir);
        }
    }

    private static void startAndStop(Map<String, String> environment) throws IOException, InterruptedException {
        ConfigLoader.LoadedConfig loaded = ConfigLoader.load(environment);
        LogSetup.configure(loaded.config().logLevel());
        try (ChatServer server = ChatServer.start(loaded.config())) {
            HttpClient client = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
            for (String path : PATHS) {
                HttpResponse<byte[]> response = client.send(HttpRequest.newBuilder(server.baseUri().resolve(path))
                        .header("Accept", "text/html,application/json").header("Accept-Encoding", "gzip")
                        .timeout(TIMEOUT).build(), HttpResponse.BodyHandlers.ofByteArray());
                if (path.equals(ApiPaths.HEALTH) && response.statusCode() != 200) {
                    throw new IOException(URI.create(path) + " answered " + response.statusCode());
                }
            }
        }
    }

    private static void deleteQuietly(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
        } catch (IOException e) {
            System.err.println("chatalot: could not delete " + dir + ": " + e.getMessage());
        }
    }
}
