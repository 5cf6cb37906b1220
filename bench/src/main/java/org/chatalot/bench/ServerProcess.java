package org.chatalot.bench;

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

/** The server under test: {@code java -jar chatalot-server.jar} in its own process, optionally pinned to a core. */
final class ServerProcess implements AutoCloseable {
    private static final Pattern LISTENING = Pattern.compile("Chatalot is listening on (http://\\S+?)(;|$)");
    private static final Pattern LOCAL = Pattern.compile("local admin on (\\S+)");

    final Process process;
    final URI base;
    final URI local;
    final Path dataDir;
    final long startNanos;
    final long firstLineNanos;

    private ServerProcess(Process process, URI base, URI local, Path dataDir, long startNanos, long firstLineNanos) {
        this.process = process;
        this.base = base;
        this.local = local;
        this.dataDir = dataDir;
        this.startNanos = startNanos;
        this.firstLineNanos = firstLineNanos;
    }

    static ServerProcess start(Path serverJar, Path workDir, Map<String, String> extraEnv, String cpus,
                               List<String> jvmOptions) throws IOException, InterruptedException {
        Path dataDir = Files.createTempDirectory(workDir, "data-");
        List<String> command = new ArrayList<>();
        if (cpus != null && Files.isExecutable(Path.of("/usr/bin/taskset"))) {
            command.addAll(List.of("taskset", "-c", cpus));
        }
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", serverJar.toString()));
        Path log = dataDir.resolveSibling(dataDir.getFileName() + ".log");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> env = builder.environment();
        env.put("DATA_DIR", dataDir.toString());
        env.put("LISTEN_ADDR", "127.0.0.1:0");
        env.put("LOCAL_ADMIN_ADDR", "127.0.0.1:0");
        env.putAll(extraEnv);
        long started = System.nanoTime();
        Process process = builder.start();
        String line = awaitLine(process, log, Duration.ofSeconds(60));
        Matcher base = LISTENING.matcher(line);
        Matcher local = LOCAL.matcher(line);
        if (!base.find() || !local.find()) {
            throw new IOException("unexpected start line: " + line);
        }
        return new ServerProcess(process, URI.create(base.group(1)), URI.create("http://" + local.group(1)), dataDir,
                started, System.nanoTime());
    }

    /** Total CPU time (user + system) the server process has used so far, from /proc. */
    long cpuNanos() {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(process.pid()), "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
            return ticks * 1_000_000_000L / 100;
        } catch (IOException e) {
            return -1;
        }
    }

    /** Resident set size of the server process, from /proc. */
    long rssBytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (IOException e) {
            return -1;
        }
        return -1;
    }

    /** Java heap in use right after a full collection (jcmd), the fairest single number for memory. */
    long heapAfterGc() throws IOException, InterruptedException {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        run(jcmd.toString(), Long.toString(process.pid()), "GC.run");
        String info = run(jcmd.toString(), Long.toString(process.pid()), "GC.heap_info");
        Matcher used = Pattern.compile("used (\\d+)K").matcher(info);
        long total = 0;
        if (used.find()) {
            total = Long.parseLong(used.group(1)) * 1024;
        }
        return total;
    }

    String setupCode() throws IOException {
        return Files.readString(dataDir.resolve("setup-code"), StandardCharsets.US_ASCII).strip();
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }

    private static String run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        return out;
    }

    private static String awaitLine(Process process, Path log, Duration timeout)
            throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (Files.exists(log)) {
                for (String line : Files.readAllLines(log)) {
                    if (LISTENING.matcher(line).find()) {
                        return line;
                    }
                }
            }
            if (!process.isAlive()) {
                throw new IOException("server exited: " + Files.readString(log));
            }
            Thread.sleep(10);
        }
        throw new IOException("server did not start within " + timeout);
    }
}
