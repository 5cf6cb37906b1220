package org.chatalot.bench.workload;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

import org.chatalot.bench.chatalot.Api;
import org.chatalot.bench.chatalot.ServerProcess;
import org.chatalot.bench.chatalot.Socket;
import org.chatalot.bench.core.Latencies;
import org.chatalot.bench.core.Machine;
import org.chatalot.bench.core.Pacing;
import org.chatalot.bench.core.ProcessStats;
import org.chatalot.bench.core.Profiler;
import org.chatalot.model.auth.AuthTokens;

/**
 * W7, the message write path through the real server: {@code writers} sockets, each posting into a channel
 * of its own (so nothing fans out). First as fast as it goes, each socket with up to {@code window} messages
 * awaiting their {@code message_sent}: acknowledged messages (each acknowledged only after its commit) per
 * second, and the server's CPU per message, including what the server goes on doing for the phase once it
 * ended. Then, once the server is quiet, at each paced rate, spread over the sockets: the server's CPU per
 * stored message, and the time from sending to {@code message_sent}, which holds one durable commit (the
 * writer commits a lone message at once and groups what waits). At the end the channels are read back to
 * check that every acknowledged message is stored.
 */
public final class WritePathBench {
    private static final String ACK = "\"type\":\"message_sent\"";
    private static final double WARM_UP_SECONDS = 2;
    /** However long profiling takes to start, no writer runs longer than this. */
    private static final long MAX_NANOS = 120_000_000_000L;
    private static final long PACED_DRAIN_NANOS = 10_000_000_000L;
    /**
     * After the closed-loop phase the server goes on working for seconds on what the phase left (the search
     * index's flush of its documents, the database upkeep of its chunks, its garbage, compilations it queued):
     * measured on 2026-12-07, 6-9 s and 1.1-1.6 s of CPU, which until then counted in the 200 msg/s phase that
     * followed (docs/performance.md, "Durable writes"). The paced phases start once a second of the server
     * costs less than this share of its core, and that work counts in the closed-loop phase that caused it.
     */
    private static final double QUIET_SHARE = 0.05;
    private static final Duration MAX_SETTLE = Duration.ofSeconds(60);

    private final int writers;
    private final int window;
    private final double seconds;
    private final List<Integer> rates;

    /**
     * {@code acknowledged} counts the measured phase; {@code acknowledgedInAll} adds the warm-up and the paced
     * phases, and is what {@code stored} (read back from the channels' history) must be at least.
     */
    public record Result(int writers, int window, double seconds, long acknowledged, long acknowledgedInAll,
                         long stored, double storedPerSecond, double serverCpuMicrosPerMessage, List<Paced> paced,
                         String load) {
    }

    /**
     * One paced phase: messages sent and acknowledged, server CPU per message (and the part of it its JIT
     * compiler threads used), send → message_sent.
     */
    public record Paced(int rate, double seconds, long sent, long acknowledged, double serverCpuMicrosPerMessage,
                        double serverJitMicrosPerMessage, double ackP50Ms, double ackP99Ms, String load) {
        /** The write path's own cost: the server's CPU but its JIT compiler's, a young server's transient. */
        public double withoutJitMicrosPerMessage() {
            return serverCpuMicrosPerMessage - serverJitMicrosPerMessage;
        }
    }

    /** {@code cpuAtEnd}: the server's CPU time when the phase ended, from which its after-effects are counted. */
    private record Phase(double seconds, long acks, long cpuNanos, long cpuAtEnd) {
    }

    /** One socket of the bench: its channel, its window, and when each message still unacknowledged was sent. */
    private record Writer(Socket socket, String channel, Semaphore room, Queue<Long> sentAt) {
    }

    public WritePathBench(int writers, int window, double seconds, List<Integer> rates) {
        this.writers = writers;
        this.window = window;
        this.seconds = seconds;
        this.rates = List.copyOf(rates);
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
        Latencies latencies = new Latencies();
        List<Writer> sockets = open(server, users, channels, acks, latencies);
        Phase measured;
        List<Paced> paced = new ArrayList<>();
        try {
            measured = settle(server.handle(), write(server.handle(), sockets, acks));
            for (int rate : rates) {
                paced.add(paced(server.handle(), sockets, rate, acks, latencies));
            }
        } finally {
            sockets.forEach(w -> w.socket().close());
        }
        long stored = 0;
        for (int i = 0; i < writers; i++) {
            stored += api.storedMessages(users.get(i), channels.get(i), Long.MAX_VALUE);
        }
        long acknowledged = measured.acks();
        Result result = new Result(writers, window, measured.seconds(), acknowledged, acks.sum(), stored,
                acknowledged / measured.seconds(), acknowledged == 0 ? Double.NaN
                : measured.cpuNanos() / 1000.0 / acknowledged, paced, Machine.loadAverage());
        System.out.printf("  W7 %d writers × window %d: %,.0f messages/s acknowledged (%d), %d stored, "
                + "%.1f µs CPU/message%n", writers, window, result.storedPerSecond(), acknowledged, stored,
                result.serverCpuMicrosPerMessage());
        return result;
    }

    private List<Writer> open(ServerProcess server, List<AuthTokens> users, List<UUID> channels, LongAdder acks,
                              Latencies latencies) {
        HttpClient client = HttpClient.newHttpClient();
        List<Writer> out = new ArrayList<>();
        for (int i = 0; i < writers; i++) {
            Semaphore room = new Semaphore(window);
            Queue<Long> sentAt = new ConcurrentLinkedQueue<>();
            Socket socket = Socket.open(client, server.base(), users.get(i).accessToken(), frame -> {
                if (frame.toString().contains(ACK)) {
                    long now = System.nanoTime();
                    // one socket's messages are acknowledged in the order it sent them
                    Long sent = sentAt.poll();
                    if (sent != null) {
                        latencies.add(now - sent);
                    }
                    acks.increment();
                    room.release();
                }
            });
            out.add(new Writer(socket, channels.get(i).toString(), room, sentAt));
        }
        return out;
    }

    /**
     * Every writer sends while it has room in its window, through a warm-up (not counted: JIT compilation) and
     * the measured phase; then waits for its last acks. Returns the measured phase.
     */
    private Phase write(ProcessHandle server, List<Writer> sockets, LongAdder acks) throws InterruptedException {
        AtomicLong deadline = new AtomicLong(System.nanoTime() + MAX_NANOS);
        List<Thread> threads = new ArrayList<>();
        for (Writer w : sockets) {
            threads.add(Thread.ofVirtual().start(() -> writeUntil(w, deadline)));
        }
        Phase measured = measure(server, acks);
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
        long cpuAfter = ProcessStats.cpuNanos(server);
        Phase phase = new Phase((System.nanoTime() - start) / 1e9, acks.sum() - acksBefore, cpuAfter - cpuBefore,
                cpuAfter);
        Profiler.stop(server);
        return phase;
    }

    /**
     * Waits (at most {@link #MAX_SETTLE}) until the server is quiet, and adds the CPU it spent since the
     * phase ended to the phase. That includes the last window of messages each socket had in flight when the
     * phase ended (at most writers × window, against tens of thousands in the phase).
     */
    private static Phase settle(ProcessHandle server, Phase phase) throws InterruptedException {
        long start = System.nanoTime();
        long last = ProcessStats.awaitQuiet(server, QUIET_SHARE, MAX_SETTLE);
        long spent = last - phase.cpuAtEnd();
        System.out.printf("  W7 the server went quiet %.1f s after the writers stopped, having spent %.0f ms of CPU "
                + "since the closed-loop phase ended (counted in it)%n", (System.nanoTime() - start) / 1e9,
                spent / 1e6);
        return new Phase(phase.seconds(), phase.acks(), phase.cpuNanos() + spent, last);
    }

    private void writeUntil(Writer w, AtomicLong deadline) {
        try {
            long n = 0;
            while (System.nanoTime() < deadline.get()) {
                if (w.room().tryAcquire(100, TimeUnit.MILLISECONDS)) {
                    w.socket().sendMessage(w.channel(), "write path message " + n++, null);
                }
            }
            w.room().tryAcquire(window, 10, TimeUnit.SECONDS);
            w.room().release(window);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * {@code rate} messages per second for the phase's seconds, round-robin over the sockets (open loop: the
     * pace does not wait for acks), then until the last ack or {@link #PACED_DRAIN_NANOS}.
     */
    private Paced paced(ProcessHandle server, List<Writer> sockets, int rate, LongAdder acks, Latencies latencies)
            throws InterruptedException {
        sockets.forEach(w -> w.sentAt().clear());
        latencies.clear();
        Profiler.start(server, "writes-" + rate);
        long acksBefore = acks.sum();
        long cpuBefore = ProcessStats.cpuNanos(server);
        long jitBefore = ProcessStats.compilerCpuNanos(server);
        long total = Math.max(1, Math.round(rate * seconds));
        long interval = 1_000_000_000L / rate;
        long start = System.nanoTime();
        for (long n = 0; n < total; n++) {
            Pacing.awaitTurn(start, n, interval);
            Writer w = sockets.get((int) (n % sockets.size()));
            w.sentAt().add(System.nanoTime());
            w.socket().sendMessage(w.channel(), "paced message " + n, null);
        }
        double sendSeconds = (System.nanoTime() - start) / 1e9;
        long drainUntil = System.nanoTime() + PACED_DRAIN_NANOS;
        while (acks.sum() - acksBefore < total && System.nanoTime() < drainUntil) {
            Thread.sleep(5);
        }
        long acked = acks.sum() - acksBefore;
        long cpu = ProcessStats.cpuNanos(server) - cpuBefore;
        long jit = ProcessStats.compilerCpuNanos(server) - jitBefore;
        Profiler.stop(server);
        long[] sorted = Latencies.merged(List.of(latencies));
        Paced result = new Paced(rate, sendSeconds, total, acked, acked == 0 ? Double.NaN : cpu / 1000.0 / acked,
                acked == 0 ? Double.NaN : jit / 1000.0 / acked, Latencies.percentileMillis(sorted, 50),
                Latencies.percentileMillis(sorted, 99), Machine.loadAverage());
        System.out.printf("  W7 paced %d msg/s: %d of %d acknowledged, %.1f µs CPU/message (JIT %.1f), send → "
                + "message_sent p50 %.2f ms, p99 %.2f ms, load %s%n", rate, acked, total,
                result.serverCpuMicrosPerMessage(), result.serverJitMicrosPerMessage(), result.ackP50Ms(),
                result.ackP99Ms(), result.load());
        return result;
    }
}
