package org.chatalot.bench.workload;

import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

import org.chatalot.bench.chatalot.Api;
import org.chatalot.bench.chatalot.ServerProcess;
import org.chatalot.bench.chatalot.Socket;
import org.chatalot.bench.core.Machine;
import org.chatalot.bench.core.ProcessStats;
import org.chatalot.model.auth.AuthTokens;

/**
 * W7, the message write path through the real server: {@code writers} sockets, each posting into a channel
 * of its own (so nothing fans out) with up to {@code window} messages awaiting their {@code message_sent}.
 * Counts acknowledged messages (each acknowledged only after its commit) per second, then reads the
 * channels back to check that every acknowledged message is stored.
 */
public final class WritePathBench {
    private static final String ACK = "\"type\":\"message_sent\"";

    private final int writers;
    private final int window;
    private final double seconds;

    public record Result(int writers, int window, double seconds, long acknowledged, long stored,
                         double storedPerSecond, double serverCpuMicrosPerMessage, String load) {
    }

    public WritePathBench(int writers, int window, double seconds) {
        this.writers = writers;
        this.window = window;
        this.seconds = seconds;
    }

    public Result run(ServerProcess server) throws Exception {
        Api api = new Api(server.base());
        AuthTokens owner = api.registerOwner(server.setupCode());
        List<AuthTokens> users = api.registerMembers(owner, "writer", writers);
        List<UUID> channels = new ArrayList<>();
        for (int i = 0; i < writers; i++) {
            channels.add(api.channel(owner, "writes-" + i).id());
            api.join(users.get(i), channels.get(i));
        }
        LongAdder acks = new LongAdder();
        long cpuBefore = ProcessStats.cpuNanos(server.handle());
        long start = System.nanoTime();
        write(server, users, channels, acks);
        double elapsed = (System.nanoTime() - start) / 1e9;
        long cpu = ProcessStats.cpuNanos(server.handle()) - cpuBefore;
        long stored = 0;
        for (int i = 0; i < writers; i++) {
            stored += api.storedMessages(users.get(i), channels.get(i), Long.MAX_VALUE);
        }
        long acknowledged = acks.sum();
        Result result = new Result(writers, window, elapsed, acknowledged, stored, acknowledged / elapsed,
                acknowledged == 0 ? Double.NaN : cpu / 1000.0 / acknowledged, Machine.loadAverage());
        System.out.printf("  W7 %d writers × window %d: %,.0f messages/s acknowledged (%d), %d stored, "
                + "%.1f µs CPU/message%n", writers, window, result.storedPerSecond(), acknowledged, stored,
                result.serverCpuMicrosPerMessage());
        return result;
    }

    /** Every writer sends while it has room in its window, until the time is up; then waits for its acks. */
    private void write(ServerProcess server, List<AuthTokens> users, List<UUID> channels, LongAdder acks)
            throws InterruptedException {
        HttpClient client = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + (long) (seconds * 1e9);
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < writers; i++) {
            Semaphore room = new Semaphore(window);
            Socket socket = Socket.open(client, server.base(), users.get(i).accessToken(), frame -> {
                if (frame.toString().contains(ACK)) {
                    acks.increment();
                    room.release();
                }
            });
            String channel = channels.get(i).toString();
            threads.add(Thread.ofVirtual().start(() -> writeUntil(socket, channel, room, deadline)));
        }
        for (Thread thread : threads) {
            thread.join(Math.round(seconds * 1000) + 20_000);
        }
    }

    private void writeUntil(Socket socket, String channel, Semaphore room, long deadline) {
        try {
            long n = 0;
            while (System.nanoTime() < deadline) {
                if (room.tryAcquire(100, TimeUnit.MILLISECONDS)) {
                    socket.sendMessage(channel, "write path message " + n++, null);
                }
            }
            room.tryAcquire(window, 10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            socket.close();
        }
    }
}
