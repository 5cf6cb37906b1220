package org.chatalot.bench.workload;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

import org.chatalot.bench.core.Latencies;
import org.chatalot.bench.core.Machine;
import org.chatalot.bench.core.Marker;
import org.chatalot.bench.core.Pacing;
import org.chatalot.bench.core.ProcessStats;
import org.chatalot.bench.core.Profiler;
import org.chatalot.bench.room.RoomMember;
import org.chatalot.bench.room.RoomServer;

/**
 * W1 fan-out, for any {@link RoomServer}: {@code members} sockets in one room, the first {@code senders} of
 * them sending at each rate of a ladder, every other member receiving each message. Per rung: deliveries per
 * second, loss, send→deliver latency (sender and receivers share this JVM's clock) and the server's CPU time
 * per delivery. The ladder stops early once a server is clearly past its capacity.
 */
public final class FanoutBench {
    static final int WARM_UP_ROUND = 9_999;
    /**
     * Warm, not overloaded: a warm-up past a server's capacity would leave a backlog for the first rung. 200
     * msg/s is the highest rung every server of the suite sustains (Prosody's highest).
     */
    static final int WARM_UP_MAX_RATE = 200;
    /**
     * The warm-up lasts this many rungs, at most 30 s: 6,000 messages at 200 msg/s, about the calls a JVM needs
     * before it compiles a method called once per message at its top tier. With 600 (15 s at 40 msg/s, until
     * 2026-12-07) our server's JIT compiler was still a fifth of a core through the 200 msg/s rung, which counted
     * against the light rungs as a cost per delivery that a server running for days does not pay.
     */
    static final int WARM_UP_RUNGS = 10;
    static final double WARM_UP_MAX_SECONDS = 30;
    /**
     * After the warm-up the ladder waits until the server uses less than this share of a core over a second (at
     * most {@link #MAX_SETTLE}): 6,000 messages leave work behind in ours (the search index flushing their
     * documents, the database's upkeep), which fell on the lightest rungs (one run: p99 32 ms and 150 µs per
     * delivery at 20 msg/s against 6.6 ms and 88 µs with the short warm-up).
     */
    static final double QUIET_SHARE = 0.05;
    static final Duration MAX_SETTLE = Duration.ofSeconds(30);
    private final int members;
    private final int senders;
    private final double rungSeconds;
    private final double drainSeconds;
    private final LongAdder failedSends = new LongAdder();

    public FanoutBench(int members, int senders, double rungSeconds, double drainSeconds) {
        this.members = members;
        this.senders = Math.min(senders, members);
        this.rungSeconds = rungSeconds;
        this.drainSeconds = drainSeconds;
    }

    public List<Rung> run(RoomServer server, List<Integer> ladder) throws Exception {
        Receivers receivers = new Receivers(members);
        List<RoomMember> room = server.join(members, receivers::onFrame);
        try {
            warmUp(server, room, receivers, warmUpRate(ladder));
            Profiler.start(server.process(), "fanout-" + server.name().replace(' ', '-'));
            List<Rung> results = new ArrayList<>();
            int round = 0;
            for (int rate : ladder) {
                List<Rung> runs = new ArrayList<>();
                do {
                    runs.add(report(rung(server, room, receivers, round++, rate)));
                } while (needsAnotherRun(runs));
                Rung rung = standing(runs);
                results.add(rung);
                if (rung.isPastCapacity()) {
                    break;
                }
            }
            Profiler.stop(server.process());
            return results;
        } finally {
            room.forEach(RoomMember::close);
        }
    }

    private Rung report(Rung rung) {
        System.out.println("  " + rung.summary());
        if (failedSends.sum() > 0) {
            System.out.println("    " + failedSends.sumThenReset() + " sends failed: the server closed sockets");
        }
        return rung;
    }

    /**
     * Whether a rung needs another run: its first did not hold, and it has not yet had
     * {@link Rung#CONFIRMING_RUNS} runs. Even a first run far past capacity is run again: a stall of the shared
     * machine once ended a ladder there (the ceiling at 400 msg/s, p99 1.1 s, with other work running).
     */
    static boolean needsAnotherRun(List<Rung> runs) {
        return !runs.getFirst().isSustained() && runs.size() < Rung.CONFIRMING_RUNS;
    }

    /** The run that stands for a rung: the only one, or the one with the median p99. */
    static Rung standing(List<Rung> runs) {
        if (runs.size() == 1) {
            return runs.getFirst();
        }
        List<Rung> byP99 = runs.stream().sorted(Comparator.comparingDouble(Rung::p99Ms)).toList();
        return byP99.get(byP99.size() / 2).asMedianOf(runs.size());
    }

    /**
     * A rung that is not measured, so that every server (JIT-compiled or not) is measured warm: the first
     * seconds of a JVM are spent compiling, and would otherwise count against the lightest rung.
     */
    void warmUp(RoomServer server, List<RoomMember> room, Receivers receivers, int rate) throws InterruptedException {
        rung(server, room, receivers, WARM_UP_ROUND, rate,
                Math.min(WARM_UP_MAX_SECONDS, WARM_UP_RUNGS * rungSeconds));
        long start = System.nanoTime();
        long before = ProcessStats.cpuNanos(server.process());
        long after = ProcessStats.awaitQuiet(server.process(), QUIET_SHARE, MAX_SETTLE);
        System.out.printf("  warm-up done; the server went quiet %.1f s later, having spent %.0f ms of CPU on what "
                + "the warm-up left%n", (System.nanoTime() - start) / 1e9, (after - before) / 1e6);
    }

    /** The ladder's highest rate up to {@link #WARM_UP_MAX_RATE}, or its first when all are higher. */
    static int warmUpRate(List<Integer> ladder) {
        return ladder.stream().filter(rate -> rate <= WARM_UP_MAX_RATE).max(Integer::compare)
                .orElse(ladder.getFirst());
    }

    /** One rung: send {@code rate} messages per second for the rung's length, then wait for stragglers. */
    Rung rung(RoomServer server, List<RoomMember> room, Receivers receivers, int round, int rate)
            throws InterruptedException {
        return rung(server, room, receivers, round, rate, rungSeconds);
    }

    private Rung rung(RoomServer server, List<RoomMember> room, Receivers receivers, int round, int rate,
                      double lengthSeconds) throws InterruptedException {
        receivers.startRound(round);
        long cpuBefore = ProcessStats.cpuNanos(server.process());
        long jitBefore = ProcessStats.compilerCpuNanos(server.process());
        long generatorBefore = ProcessStats.ownCpuNanos(ProcessHandle.current());
        long total = Math.max(1, Math.round(rate * lengthSeconds));
        long start = System.nanoTime();
        long sendNanos = send(room, round, rate, total, start);
        long expected = total * (members - 1);
        long drainUntil = System.nanoTime() + (long) (drainSeconds * 1e9);
        while (receivers.delivered() < expected && System.nanoTime() < drainUntil) {
            Thread.sleep(5);
        }
        long lastDelivery = receivers.lastDeliveryNanos();
        double seconds = Math.max(sendNanos, (lastDelivery > 0 ? lastDelivery : System.nanoTime()) - start) / 1e9;
        long cpu = ProcessStats.cpuNanos(server.process()) - cpuBefore;
        long jit = ProcessStats.compilerCpuNanos(server.process()) - jitBefore;
        // over the whole rung, drain included: a generator that falls behind is still reading then
        double generator = 100.0 * (ProcessStats.ownCpuNanos(ProcessHandle.current()) - generatorBefore)
                / Math.max(1, System.nanoTime() - start);
        receivers.stopRound();
        long got = receivers.delivered();
        long[] sorted = receivers.sortedLatencies();
        return new Rung(server.name(), rate, (long) rate * (members - 1), total, total / (sendNanos / 1e9),
                expected, got, got / seconds, 100.0 * (expected - got) / expected,
                Latencies.percentileMillis(sorted, 50), Latencies.percentileMillis(sorted, 99),
                Latencies.percentileMillis(sorted, 100), got == 0 ? Double.NaN : cpu / 1000.0 / got,
                got == 0 ? Double.NaN : jit / 1000.0 / got, generator,
                Machine.loadAverage(), 1);
    }

    /** Paces {@code total} sends at {@code rate}, round-robin over the senders; returns how long it took. */
    private long send(List<RoomMember> room, int round, int rate, long total, long start) {
        long interval = 1_000_000_000L / rate;
        for (long n = 0; n < total; n++) {
            Pacing.awaitTurn(start, n, interval);
            int sender = (int) (n % senders);
            try {
                room.get(sender).send(new Marker(round, sender, System.nanoTime()).text());
            } catch (RuntimeException closed) {
                // An overloaded server may close a socket (ours does so to slow readers): the message is
                // lost, which the rung reports, and the other senders go on.
                failedSends.increment();
            }
        }
        return Math.max(1, System.nanoTime() - start);
    }

    /** What every member's socket does with a frame: count and time deliveries of the current round. */
    static final class Receivers {
        private final List<Latencies> latencies = new ArrayList<>();
        private final AtomicInteger round = new AtomicInteger(-1);
        private final LongAdder delivered = new LongAdder();
        private volatile long lastDeliveryNanos;

        Receivers(int members) {
            for (int i = 0; i < members; i++) {
                latencies.add(new Latencies());
            }
        }

        void onFrame(int member, CharSequence frame) {
            long now = System.nanoTime();
            Marker marker = Marker.find(frame);
            if (marker == null || marker.round() != round.get() || marker.sender() == member) {
                return;
            }
            latencies.get(member).add(now - marker.sentNanos());
            delivered.increment();
            lastDeliveryNanos = now;
        }

        void startRound(int next) {
            round.set(-1);
            latencies.forEach(Latencies::clear);
            delivered.reset();
            lastDeliveryNanos = 0;
            round.set(next);
        }

        /** Ignores everything from now on, keeping what was counted. */
        void stopRound() {
            round.set(-1);
        }

        long delivered() {
            return delivered.sum();
        }

        long lastDeliveryNanos() {
            return lastDeliveryNanos;
        }

        long[] sortedLatencies() {
            return Latencies.merged(latencies);
        }
    }
}
