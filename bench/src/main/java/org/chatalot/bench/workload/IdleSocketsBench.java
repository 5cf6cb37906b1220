package org.chatalot.bench.workload;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.chatalot.bench.ceiling.CeilingProcess;
import org.chatalot.bench.chatalot.Api;
import org.chatalot.bench.chatalot.ServerProcess;
import org.chatalot.bench.chatalot.Socket;
import org.chatalot.bench.core.Launch;
import org.chatalot.bench.core.Machine;
import org.chatalot.bench.core.ProcessStats;
import org.chatalot.bench.room.TextSocket;
import org.chatalot.model.auth.AuthTokens;

/**
 * W3: memory a server keeps per idle socket: Java heap after a full collection (the fair figure; RSS barely
 * moves once the heap has grown during set-up) and RSS. Ours with authenticated sockets, and the bare
 * Helidon ceiling with plain ones, to tell the framework's share from ours.
 */
public final class IdleSocketsBench {
    private static final int SOCKETS_PER_USER = 8;
    private static final Pattern USED = Pattern.compile("used (\\d+)K");

    public record Result(String server, int sockets, long heapBefore, long heapAfter, long rssBefore,
                         long rssAfter, double heapBytesPerSocket, double rssBytesPerSocket, String load) {
    }

    /** Our server: authenticated sockets, 8 per user (the per-user limit). */
    public Result run(ServerProcess server, int sockets) throws Exception {
        Api api = new Api(server.base());
        AuthTokens owner = api.registerOwner(server.setupCode());
        List<AuthTokens> users = api.registerMembers(owner, "idle", (sockets + SOCKETS_PER_USER - 1)
                / SOCKETS_PER_USER);
        HttpClient client = HttpClient.newHttpClient();
        return measure(ServerProcess.NAME, server.handle(), sockets, i -> {
            Socket socket = Socket.open(client, server.base(), users.get(i / SOCKETS_PER_USER).accessToken(),
                    frame -> { });
            return socket::close;
        });
    }

    /** The bare Helidon ceiling: plain WebSockets, what the framework alone keeps per socket. */
    public Result run(CeilingProcess ceiling, int sockets) throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        URI ws = URI.create(ceiling.base().toString().replaceFirst("^http", "ws") + "/ws");
        return measure(CeilingProcess.NAME, ceiling.process(), sockets, i -> {
            TextSocket socket = TextSocket.open(client, ws, null, frame -> { });
            return socket::close;
        });
    }

    private interface Opener {
        Runnable open(int index) throws Exception;
    }

    private static Result measure(String name, ProcessHandle server, int sockets, Opener opener) throws Exception {
        Thread.sleep(500);
        long heapBefore = heapAfterGc(server);
        long rssBefore = ProcessStats.rssBytes(server);
        histogram(server, name + "-" + sockets + "-before");
        List<Runnable> closers = new ArrayList<>();
        try {
            for (int i = 0; i < sockets; i++) {
                closers.add(opener.open(i));
            }
            Thread.sleep(2_000);
            long heapAfter = heapAfterGc(server);
            long rssAfter = ProcessStats.rssBytes(server);
            histogram(server, name + "-" + sockets + "-after");
            return new Result(name, sockets, heapBefore, heapAfter, rssBefore, rssAfter,
                    (heapAfter - heapBefore) / (double) sockets, (rssAfter - rssBefore) / (double) sockets,
                    Machine.loadAverage());
        } finally {
            closers.forEach(Runnable::run);
        }
    }

    /**
     * With {@code CHATALOT_BENCH_HISTOGRAM_DIR} set, the server's class histogram (live objects, so after a full
     * collection) and a thread dump (virtual threads included) before and after the sockets open go there:
     * what each remaining KB of a socket is.
     */
    private static void histogram(ProcessHandle server, String label) throws IOException, InterruptedException {
        String dir = System.getenv("CHATALOT_BENCH_HISTOGRAM_DIR");
        if (dir == null || dir.isBlank()) {
            return;
        }
        String jcmd = Launch.java().replaceFirst("java$", "jcmd");
        String name = label.replace(' ', '-');
        Path file = Path.of(dir).resolve(name + ".txt");
        Files.createDirectories(file.getParent());
        Files.writeString(file, jcmd(jcmd, server.pid(), "GC.class_histogram"));
        Path threads = file.resolveSibling(name + "-threads.json");
        Files.deleteIfExists(threads);
        jcmd(jcmd, server.pid(), "Thread.dump_to_file -format=json " + threads.toAbsolutePath());
    }

    /** Java heap in use right after a full collection (jcmd), the fairest single number for memory. */
    static long heapAfterGc(ProcessHandle server) throws IOException, InterruptedException {
        String jcmd = Launch.java().replaceFirst("java$", "jcmd");
        jcmd(jcmd, server.pid(), "GC.run");
        String info = jcmd(jcmd, server.pid(), "GC.heap_info");
        long used = heapUsedKb(info);
        if (used <= 0) {
            // A missing figure must fail the part, not read as zero growth (which would pass the target).
            throw new IOException("jcmd GC.heap_info gave no heap figure: " + info.strip());
        }
        return used * 1024;
    }

    /**
     * Heap in use from {@code GC.heap_info}, summed over the generations: a server pinned to one core runs
     * the Serial collector, whose young generation is empty right after a full GC (it reads "used 0K"), so
     * the first figure alone is not the heap. Metaspace lines are not heap.
     */
    static long heapUsedKb(String heapInfo) {
        long total = 0;
        for (String line : heapInfo.split("\n")) {
            Matcher used = USED.matcher(line);
            if (!line.contains("Metaspace") && !line.contains("class space") && used.find()) {
                total += Long.parseLong(used.group(1));
            }
        }
        return total;
    }

    private static String jcmd(String jcmd, long pid, String command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(jcmd, Long.toString(pid), command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        return out;
    }
}
