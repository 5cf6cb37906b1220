package org.chatalot.bench.workload;

import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.chatalot.bench.chatalot.Api;
import org.chatalot.bench.chatalot.ServerProcess;
import org.chatalot.bench.chatalot.Socket;
import org.chatalot.bench.core.Launch;
import org.chatalot.bench.core.Machine;
import org.chatalot.bench.core.ProcessStats;
import org.chatalot.model.auth.AuthTokens;

/** W3: memory the server spends per idle authenticated socket (heap after full GC, and RSS). */
public final class IdleSocketsBench {
    private static final int SOCKETS_PER_USER = 8;
    private static final Pattern USED = Pattern.compile("used (\\d+)K");

    public record Result(int sockets, long heapBefore, long heapAfter, long rssBefore, long rssAfter,
                         double heapBytesPerSocket, double rssBytesPerSocket, String load) {
    }

    public Result run(ServerProcess server, int sockets) throws Exception {
        Api api = new Api(server.base());
        AuthTokens owner = api.registerOwner(server.setupCode());
        List<AuthTokens> users = api.registerMembers(owner, "idle", (sockets + SOCKETS_PER_USER - 1)
                / SOCKETS_PER_USER);
        Thread.sleep(500);
        long heapBefore = heapAfterGc(server.handle());
        long rssBefore = ProcessStats.rssBytes(server.handle());
        HttpClient client = HttpClient.newHttpClient();
        List<Socket> open = new ArrayList<>();
        try {
            for (int i = 0; i < sockets; i++) {
                open.add(Socket.open(client, server.base(), users.get(i / SOCKETS_PER_USER).accessToken(),
                        frame -> { }));
            }
            Thread.sleep(2_000);
            long heapAfter = heapAfterGc(server.handle());
            long rssAfter = ProcessStats.rssBytes(server.handle());
            return new Result(sockets, heapBefore, heapAfter, rssBefore, rssAfter,
                    (heapAfter - heapBefore) / (double) sockets, (rssAfter - rssBefore) / (double) sockets,
                    Machine.loadAverage());
        } finally {
            open.forEach(Socket::close);
        }
    }

    /** Java heap in use right after a full collection (jcmd), the fairest single number for memory. */
    static long heapAfterGc(ProcessHandle server) throws IOException, InterruptedException {
        String jcmd = Launch.java().replaceFirst("java$", "jcmd");
        jcmd(jcmd, server.pid(), "GC.run");
        Matcher used = USED.matcher(jcmd(jcmd, server.pid(), "GC.heap_info"));
        return used.find() ? Long.parseLong(used.group(1)) * 1024 : 0;
    }

    private static String jcmd(String jcmd, long pid, String command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(jcmd, Long.toString(pid), command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        return out;
    }
}
