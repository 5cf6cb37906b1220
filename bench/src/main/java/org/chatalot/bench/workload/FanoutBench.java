package org.chatalot.bench.workload;

import java.util.ArrayList;
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
    /** Warm, not overloaded: a warm-up past a server's capacity would leave a backlog for the first rung. */
    static final int WARM_UP_MAX_RATE = 100;
    /**
     * The warm-up lasts this many rungs, at most 15 s: a JVM server goes on compiling for tens of seconds
     * (measured on ours: its JIT compiler used a fifth of the core through a 40-second rung at 200 msg/s after a
     * 3-second warm-up), which would count against the light rungs as a cost per delivery that a server running
     * for days does not pay.
     */
    static final int WARM_UP_RUNGS = 5;
    static final double WARM_UP_MAX_SECONDS = 15;
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
            warmUp(server, room, receivers, Math.min(WARM_UP_MAX_RATE, 2 * ladder.getFirst()));
            Profiler.start(server.process(), "fanout-" + server.name().replace(' ', '-'));
            List<Rung> results = new ArrayList<>();
            for (int i = 0; i < ladder.size(); i++) {
                Rung rung = rung(server, room, receivers, i, ladder.get(i));
                results.add(rung);
                System.out.println("  " + rung.summary());
                if (failedSends.sum() > 0) {
                    System.out.println("    " + failedSends.sumThenReset() + " sends failed: the server closed sockets");
                }
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

    /**
     * A rung that is not measured, so that every server (JIT-compiled or not) is measured warm: the first
     * seconds of a JVM are spent compiling, and would otherwise count against the lightest rung.
     */
    void warmUp(RoomServer server, List<RoomMember> room, Receivers receivers, int rate) throws InterruptedException {
        rung(server, room, receivers, WARM_UP_ROUND, rate,
                Math.min(WARM_UP_MAX_SECONDS, WARM_UP_RUNGS * rungSeconds));
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
                Machine.loadAverage());
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
