package org.chatalot.bench.workload;

import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

import org.chatalot.bench.chatalot.Api;
import org.chatalot.bench.chatalot.ServerProcess;
import org.chatalot.bench.chatalot.Socket;
import org.chatalot.bench.core.Machine;
import org.chatalot.bench.core.ProcessStats;
import org.chatalot.bench.core.Profiler;
import org.chatalot.model.auth.AuthTokens;

/**
 * W7, the message write path through the real server: {@code writers} sockets, each posting into a channel
 * of its own (so nothing fans out) with up to {@code window} messages awaiting their {@code message_sent}.
 * Counts acknowledged messages (each acknowledged only after its commit) per second, then reads the
 * channels back to check that every acknowledged message is stored.
 */
public final class WritePathBench {
    private static final String ACK = "\"type\":\"message_sent\"";
    private static final double WARM_UP_SECONDS = 2;
    /** However long profiling takes to start, no writer runs longer than this. */
    private static final long MAX_NANOS = 120_000_000_000L;

    private final int writers;
    private final int window;
    private final double seconds;

    /**
     * {@code acknowledged} counts the measured phase; {@code acknowledgedInAll} adds the warm-up, and is what
     * {@code stored} (read back from the channels' history) must be at least.
     */
    public record Result(int writers, int window, double seconds, long acknowledged, long acknowledgedInAll,
                         long stored, double storedPerSecond, double serverCpuMicrosPerMessage, String load) {
    }

    private record Phase(double seconds, long acks, long cpuNanos) {
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
        Phase measured = write(server, users, channels, acks);
        long stored = 0;
        for (int i = 0; i < writers; i++) {
            stored += api.storedMessages(users.get(i), channels.get(i), Long.MAX_VALUE);
        }
        long acknowledged = measured.acks();
        Result result = new Result(writers, window, measured.seconds(), acknowledged, acks.sum(), stored,
                acknowledged / measured.seconds(), acknowledged == 0 ? Double.NaN
                : measured.cpuNanos() / 1000.0 / acknowledged, Machine.loadAverage());
        System.out.printf("  W7 %d writers × window %d: %,.0f messages/s acknowledged (%d), %d stored, "
                + "%.1f µs CPU/message%n", writers, window, result.storedPerSecond(), acknowledged, stored,
                result.serverCpuMicrosPerMessage());
        return result;
    }

    /**
     * Every writer sends while it has room in its window, through a warm-up (not counted: JIT compilation) and
     * the measured phase; then waits for its last acks. Returns the measured phase.
     */
    private Phase write(ServerProcess server, List<AuthTokens> users, List<UUID> channels, LongAdder acks)
            throws InterruptedException {
        HttpClient client = HttpClient.newHttpClient();
        AtomicLong deadline = new AtomicLong(System.nanoTime() + MAX_NANOS);
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
        Phase measured = measure(server.handle(), acks);
        deadline.set(System.nanoTime());
        for (Thread thread : threads) {
            thread.join(20_000);
        }
        return measured;
    }

    /** Waits out the warm-up, then counts acks and server CPU for the measured seconds. */
    private Phase measure(ProcessHandle server, LongAdder acks) throws InterruptedException {
        Thread.sleep(Math.round(WARM_UP_SECONDS * 1000));
        Profiler.start(server, "writes");
        long acksBefore = acks.sum();
        long cpuBefore = ProcessStats.cpuNanos(server);
        long start = System.nanoTime();
        Thread.sleep(Math.round(seconds * 1000));
        Phase phase = new Phase((System.nanoTime() - start) / 1e9, acks.sum() - acksBefore,
                ProcessStats.cpuNanos(server) - cpuBefore);
        Profiler.stop(server);
        return phase;
    }

    private void writeUntil(Socket socket, String channel, Semaphore room, AtomicLong deadline) {
        try {
            long n = 0;
            while (System.nanoTime() < deadline.get()) {
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
