package org.chatalot.e2e.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

import org.chatalot.server.testing.GeneratedContent;
import org.chatalot.server.testing.ServerProcess;
import org.chatalot.testing.ExternalTools;
import org.chatalot.testing.FreePorts;
import org.chatalot.testing.JavaProcess;
import org.chatalot.testing.Nginx;

/**
 * On demand only ({@code -Dchatalot.bench=true}, see docs/performance.md): a 100 MiB upload with curl
 * through nginx with TLS into Chatalot and, in the same run, into a sink that reads and discards the body,
 * over HTTP/2 and HTTP/1.1; plus Chatalot without nginx for scale. Reports median wall time, the receiving
 * process's CPU time, and the server's heap and resident memory, and writes them to
 * {@code e2e/target/upload-benchmark.md}.
 */
@EnabledIfSystemProperty(named = "chatalot.bench", matches = "true")
class UploadBenchmark {
    private static final int FILE_MIB = 100;
    private static final int ROUNDS = 5;
    private static final String SERVER_HEAP = "-Xmx512m";

    @TempDir
    Path dir;

    @Test
    void upload100MiBThroughNginxTlsIntoChatalotAndIntoATrivialSink() throws Exception {
        Path curl = ExternalTools.require("curl");
        Path file = writeFile(dir.resolve("upload.bin"));
        Path prefix = Files.createDirectories(dir.resolve("nginx"));
        TestCertificate certificate = TestCertificate.create(prefix);
        int toServer = FreePorts.next();
        int toTheSink = FreePorts.next();
        try (ServerProcess server = ServerProcess.start(Files.createDirectories(dir.resolve("server")),
                List.of(SERVER_HEAP), Map.of("MAX_FILE_SIZE_MB", "100", "UPLOAD_QUOTA_MB", "0",
                        "UPLOADS_PER_MINUTE", "1000"));
             JavaProcess sink = JavaProcess.start(TrivialSink.class.getName(), List.of("-Xmx64m"), Map.of(),
                     List.of(), dir);
             Nginx nginx = Nginx.withSite(certificate.site(toServer, server.port(), FILE_MIB)
                     + certificate.site(toTheSink, sinkPort(sink), FILE_MIB)).start(toServer, toTheSink)) {
            String token = server.ownerToken();
            String viaNginx = "https://127.0.0.1:" + toServer + "/api/files";
            String toSink = "https://127.0.0.1:" + toTheSink + "/upload";
            List<Target> targets = List.of(
                    new Target("nginx (HTTP/2) → trivial sink", toSink, "--http2", sink.pid()),
                    new Target("nginx (HTTP/2) → Chatalot", viaNginx, "--http2", server.pid()),
                    new Target("nginx (HTTP/1.1) → trivial sink", toSink, "--http1.1", sink.pid()),
                    new Target("nginx (HTTP/1.1) → Chatalot", viaNginx, "--http1.1", server.pid()),
                    new Target("Chatalot directly, plain HTTP/1.1", server.baseUri().resolve("/api/files").toString(),
                            "--http1.1", server.pid()));
            Curl client = new Curl(curl, certificate, token, file);
            for (Target target : targets) {
                client.upload(target);
            }
            Memory before = Memory.of(server);
            for (int round = 0; round < ROUNDS; round++) {
                for (Target target : targets) {
                    target.record(client.upload(target));
                }
            }
            report(targets, before, Memory.of(server));
        }
    }

    private void report(List<Target> targets, Memory before, Memory after) throws Exception {
        StringBuilder rows = new StringBuilder();
        for (Target target : targets) {
            double wall = target.medianWall();
            rows.append("| %s | %.2f s | %.0f MiB/s | %.2f s |%n".formatted(target.label(), wall, FILE_MIB / wall,
                    target.medianCpu()));
        }
        String text = """
                ### Upload: %d MiB with curl through nginx with TLS, %s

                Machine: %s; %s; nginx %s; %s. Server JVM %s. \
                Median of %d runs per row, interleaved, after one warm-up each.

                | path | wall time | throughput | receiver CPU |
                |---|---|---|---|
                %s
                Chatalot server memory: heap in use after a full GC %d MiB before the runs and %d MiB after;
                resident set %d MiB before and %d MiB after (peak %d MiB).
                """.formatted(FILE_MIB, LocalDate.now(), Machine.describe(), Machine.javaVersion(),
                Machine.nginxVersion(), Machine.curlVersion(), SERVER_HEAP, ROUNDS, rows,
                before.heapAfterGc() >> 20, after.heapAfterGc() >> 20, before.resident() >> 20,
                after.resident() >> 20, after.peakResident() >> 20);
        System.out.println(text);
        Path target = Path.of("target");
        Files.createDirectories(target);
        Files.writeString(target.resolve("upload-benchmark.md"), text);
    }

    private static Path writeFile(Path file) throws IOException {
        try (InputStream content = new GeneratedContent((long) FILE_MIB << 20, 7)) {
            Files.copy(content, file);
        }
        return file;
    }

    private static int sinkPort(JavaProcess sink) throws IOException, InterruptedException {
        String line = sink.awaitLine(l -> l.startsWith("sink listening on "), Duration.ofSeconds(30));
        return Integer.parseInt(line.substring("sink listening on ".length()).trim());
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }

    /** Where an upload goes, with which protocol, and which process receives it (for its CPU time). */
    private record Target(String label, String url, String protocol, long receiverPid, List<Double> walls,
                          List<Double> cpus) {
        Target(String label, String url, String protocol, long receiverPid) {
            this(label, url, protocol, receiverPid, new ArrayList<>(), new ArrayList<>());
        }

        void record(double[] wallAndCpu) {
            walls.add(wallAndCpu[0]);
            cpus.add(wallAndCpu[1]);
        }

        double medianWall() {
            return median(walls);
        }

        double medianCpu() {
            return median(cpus);
        }
    }

    /** curl, as a browser would send the file: a multipart form post. */
    private record Curl(Path curl, TestCertificate certificate, String token, Path file) {
        /** Wall seconds as curl measured them, and CPU seconds the receiving process spent meanwhile. */
        double[] upload(Target target) throws IOException, InterruptedException {
            double cpuBefore = Machine.cpuSeconds(target.receiverPid());
            Process process = new ProcessBuilder(curl.toString(), "-sS", target.protocol(), "--cacert",
                    certificate.chain().toString(), "-o", "/dev/null", "-w", "%{http_code} %{time_total}",
                    "-H", "Authorization: Bearer " + token, "-F", "file=@" + file, target.url())
                    .redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
            assertThat(output).as(target.label() + ": " + output).startsWith("201 ");
            return new double[] {Double.parseDouble(output.substring(4)),
                Machine.cpuSeconds(target.receiverPid()) - cpuBefore};
        }
    }

    private record Memory(long heapAfterGc, long resident, long peakResident) {
        static Memory of(ServerProcess server) throws IOException, InterruptedException {
            Process gc = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                    Long.toString(server.pid()), "GC.run").redirectErrorStream(true).start();
            gc.getInputStream().readAllBytes();
            gc.waitFor(30, TimeUnit.SECONDS);
            return new Memory(server.heapUsedBytes(), server.residentBytes(false), server.residentBytes(true));
        }
    }
}
