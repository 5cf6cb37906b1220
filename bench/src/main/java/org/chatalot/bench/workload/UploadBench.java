package org.chatalot.bench.workload;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;

import org.chatalot.bench.ceiling.CeilingProcess;
import org.chatalot.bench.chatalot.Api;
import org.chatalot.bench.chatalot.ServerProcess;
import org.chatalot.bench.core.Machine;
import org.chatalot.bench.core.ProcessStats;
import org.chatalot.bench.nginx.TlsFront;

/**
 * W5: one large upload through nginx TLS to {@code POST /api/files} (multipart field {@code file}), against
 * the same upload through the same nginx to a handler that only discards the body. Wall time, and the
 * receiving process's peak memory growth during the upload (peak RSS reset just before it).
 */
public final class UploadBench {
    private final long bytes;

    public record Upload(String target, long bytes, int status, double wallMillis, double megabytesPerSecond,
                         long rssBefore, long peakRss, long rssAfter, double peakGrowthMiB) {
    }

    /** Both uploads, or the reason they were not measured. */
    public record Result(String skipped, Upload ours, Upload sink, String load) {
    }

    public UploadBench(long bytes) {
        this.bytes = bytes;
    }

    public Result run(ServerProcess server, CeilingProcess ceiling, Path workDir) throws Exception {
        if (!TlsFront.isInstalled()) {
            return skipped("nginx or openssl is not installed");
        }
        String token = new Api(server.base()).registerOwner(server.setupCode()).accessToken();
        int probe = post(HttpClient.newHttpClient(), server.base().resolve("/api/files"), token, 1).statusCode();
        if (probe == 404 || probe == 405) {
            return skipped("server has no /api/files (answered " + probe + ")");
        }
        try (TlsFront front = TlsFront.start(workDir, server.base(), ceiling.base())) {
            HttpClient client = HttpClient.newBuilder().sslContext(front.trust())
                    .connectTimeout(Duration.ofSeconds(10)).build();
            URI sinkUri = front.base().resolve("/sink");
            URI filesUri = front.base().resolve("/api/files");
            post(client, sinkUri, null, 1 << 20);
            post(client, filesUri, token, 1 << 20);
            Upload sink = measure(client, sinkUri, null, "nginx → sink", ceiling.process());
            Upload ours = measure(client, filesUri, token, "nginx → Chatalot", server.handle());
            return new Result(null, ours, sink, Machine.loadAverage());
        }
    }

    private Upload measure(HttpClient client, URI uri, String token, String target, ProcessHandle receiver)
            throws Exception {
        ProcessStats.resetPeak(receiver);
        long rssBefore = ProcessStats.rssBytes(receiver);
        long start = System.nanoTime();
        HttpResponse<String> response = post(client, uri, token, bytes);
        double millis = (System.nanoTime() - start) / 1e6;
        long peak = ProcessStats.peakRssBytes(receiver);
        Upload upload = new Upload(target, bytes, response.statusCode(), millis, bytes / 1e6 / (millis / 1e3),
                rssBefore, peak, ProcessStats.rssBytes(receiver), (peak - rssBefore) / 1048576.0);
        System.out.printf("  W5 %-18s %d MB in %.0f ms (%d), peak memory growth %.1f MiB%n", target,
                bytes / 1_000_000, millis, response.statusCode(), upload.peakGrowthMiB());
        return upload;
    }

    private static HttpResponse<String> post(HttpClient client, URI uri, String token, long size) throws Exception {
        UploadBody body = new UploadBody(size);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofMinutes(5))
                .header("Content-Type", body.contentType()).POST(body.publisher());
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static Result skipped(String why) {
        System.out.println("  W5 skipped: " + why);
        return new Result(why, null, null, Machine.loadAverage());
    }
}
