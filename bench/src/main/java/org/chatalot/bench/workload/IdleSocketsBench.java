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
 * W3: memory a server keeps per idle socket: live objects on the Java heap (the fair figure; RSS barely
 * moves once the heap has grown during set-up) and RSS. Ours with authenticated sockets, and the bare
 * Helidon ceiling with plain ones, to tell the framework's share from ours.
 */
public final class IdleSocketsBench {
    private static final int SOCKETS_PER_USER = 8;
    /** A histogram row: rank, instances, bytes, class name. */
    private static final Pattern ROW = Pattern.compile("^\\s*\\d+:\\s+\\d+\\s+(\\d+)\\s+(\\S+)");
    private static final Pattern TOTAL = Pattern.compile("^Total\\s+\\d+\\s+(\\d+)");

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
        long heapBefore = liveHeap(server, name + "-" + sockets + "-before");
        long rssBefore = ProcessStats.rssBytes(server);
        List<Runnable> closers = new ArrayList<>();
        try {
            for (int i = 0; i < sockets; i++) {
                closers.add(opener.open(i));
            }
            Thread.sleep(2_000);
            long heapAfter = liveHeap(server, name + "-" + sockets + "-after");
            long rssAfter = ProcessStats.rssBytes(server);
            return new Result(name, sockets, heapBefore, heapAfter, rssBefore, rssAfter,
                    (heapAfter - heapBefore) / (double) sockets, (rssAfter - rssBefore) / (double) sockets,
                    Machine.loadAverage());
        } finally {
            closers.forEach(Runnable::run);
        }
    }

    /**
     * Bytes of live objects on the Java heap: the class histogram's total (taking it runs a full collection
     * first) less the filler the collector left. The serial collector a one-core server runs does not compact
     * every full collection: it leaves runs of dead objects in place as filler arrays, up to a few MB of a
     * 100 MB heap, so the heap "used" after a collection moved by up to 2 KB per socket from run to run (until
     * 2026-12-07 W3 read that figure). With {@code CHATALOT_BENCH_HISTOGRAM_DIR} set, the histogram and a thread
     * dump (virtual threads included) are also kept there: what each remaining KB of a socket is.
     */
    static long liveHeap(ProcessHandle server, String label) throws IOException, InterruptedException {
        String jcmd = Launch.java().replaceFirst("java$", "jcmd");
        String histogram = jcmd(jcmd, server.pid(), "GC.class_histogram");
        long live = liveBytes(histogram);
        if (live <= 0) {
            // A missing figure must fail the part, not read as zero growth (which would pass the target).
            throw new IOException("jcmd GC.class_histogram gave no total: " + histogram.strip());
        }
        String dir = System.getenv("CHATALOT_BENCH_HISTOGRAM_DIR");
        if (dir != null && !dir.isBlank()) {
            String name = label.replace(' ', '-');
            Path file = Path.of(dir).resolve(name + ".txt");
            Files.createDirectories(file.getParent());
            Files.writeString(file, histogram);
            Path threads = file.resolveSibling(name + "-threads.json");
            Files.deleteIfExists(threads);
            jcmd(jcmd, server.pid(), "Thread.dump_to_file -format=json " + threads.toAbsolutePath());
        }
        return live;
    }

    /** The histogram's "Total" bytes less its rows of filler ({@code jdk.internal.vm.Filler…}); 0 without a total. */
    static long liveBytes(String histogram) {
        long total = 0;
        long filler = 0;
        for (String line : histogram.split("\n")) {
            Matcher row = ROW.matcher(line);
            Matcher sum = TOTAL.matcher(line);
            if (sum.find()) {
                total = Long.parseLong(sum.group(1));
            } else if (row.find() && row.group(2).contains("jdk.internal.vm.Filler")) {
                filler += Long.parseLong(row.group(1));
            }
        }
        return total == 0 ? 0 : total - filler;
    }

    private static String jcmd(String jcmd, long pid, String command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(jcmd, Long.toString(pid), command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        return out;
    }
}
