package org.chatalot.bench.core;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Starting and stopping the servers under test: pinned to a core, on loopback, ended by their own handles. */
public final class Launch {
    /** The core every server under test runs on; the load generator is pinned to the other. */
    public static final String SERVER_CORE = "0";

    private Launch() {
    }

    /** {@code taskset -c CORE command…} where taskset exists and the machine has a second core. */
    public static List<String> pinned(List<String> command) {
        List<String> out = new ArrayList<>();
        if (Files.isExecutable(Path.of("/usr/bin/taskset")) && Machine.cores() >= 2) {
            out.addAll(List.of("/usr/bin/taskset", "-c", SERVER_CORE));
        }
        out.addAll(command);
        return out;
    }

    /** The java launcher of this JVM, so servers and generator run on the same Java. */
    public static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** A port that was free a moment ago, for servers that cannot be told to pick their own. */
    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** Waits until something accepts TCP connections on 127.0.0.1:port, or the process dies, or time runs out. */
    public static void awaitPort(Process process, int port, Duration timeout, Path log)
            throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException("exited with " + process.exitValue() + ": " + tail(log));
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                Thread.sleep(20);
            }
        }
        throw new IOException("nothing listening on port " + port + " after " + timeout + ": " + tail(log));
    }

    /** Stops a server and every process it started: SIGTERM, then SIGKILL after a grace period. */
    public static void stop(Process process, Duration grace) {
        List<ProcessHandle> tree = ProcessStats.tree(process.toHandle()).toList();
        tree.forEach(ProcessHandle::destroy);
        try {
            process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        tree.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }

    /** The last lines of a log, for error messages. */
    public static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size()));
        } catch (IOException e) {
            return "(no log)";
        }
    }
}
