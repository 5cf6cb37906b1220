package org.chatalot.bench.workload;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.chatalot.bench.ceiling.CeilingProcess;
import org.chatalot.bench.chatalot.Api;
import org.chatalot.bench.chatalot.ServerProcess;
import org.chatalot.bench.core.Machine;
import org.chatalot.bench.core.ProcessStats;
import org.chatalot.bench.core.Profiler;
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

    /** Both uploads and ours {@link #CONCURRENT} at once (null in older results), or why they were not measured. */
    public record Result(String skipped, Upload ours, Upload sink, Upload oursConcurrent, String load) {
    }

    /** How many uploads the concurrent measurement sends at once. */
    public static final int CONCURRENT = 10;

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
            Profiler.start(server.handle(), "upload");
            Upload ours = measure(client, filesUri, token, "nginx → Chatalot", server.handle());
            Profiler.stop(server.handle());
            Upload concurrent = measureConcurrent(client, filesUri, token, server.handle());
            return new Result(null, ours, sink, concurrent, Machine.loadAverage());
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

    /** {@link #CONCURRENT} uploads at once; the status is the worst of them, the time until the last ends. */
    private Upload measureConcurrent(HttpClient client, URI uri, String token, ProcessHandle receiver)
            throws Exception {
        ProcessStats.resetPeak(receiver);
        long rssBefore = ProcessStats.rssBytes(receiver);
        long start = System.nanoTime();
        List<java.util.concurrent.CompletableFuture<HttpResponse<String>>> sent = new ArrayList<>();
        for (int i = 0; i < CONCURRENT; i++) {
            UploadBody body = new UploadBody(bytes);
            sent.add(client.sendAsync(HttpRequest.newBuilder(uri).timeout(Duration.ofMinutes(10))
                    .header("Content-Type", body.contentType()).header("Authorization", "Bearer " + token)
                    .POST(body.publisher()).build(), HttpResponse.BodyHandlers.ofString()));
        }
        int status = 0;
        for (var response : sent) {
            status = Math.max(status, response.get().statusCode());
        }
        double millis = (System.nanoTime() - start) / 1e6;
        long peak = ProcessStats.peakRssBytes(receiver);
        String target = "nginx → Chatalot, " + CONCURRENT + " at once";
        Upload upload = new Upload(target, bytes * CONCURRENT, status, millis,
                bytes * CONCURRENT / 1e6 / (millis / 1e3), rssBefore, peak, ProcessStats.rssBytes(receiver),
                (peak - rssBefore) / 1048576.0);
        System.out.printf("  W5 %-30s %d × %d MB in %.0f ms (%d), peak memory growth %.1f MiB%n", target, CONCURRENT,
                bytes / 1_000_000, millis, status, upload.peakGrowthMiB());
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
        return new Result(why, null, null, null, Machine.loadAverage());
    }
}
