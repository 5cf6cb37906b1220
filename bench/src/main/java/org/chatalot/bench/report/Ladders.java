package org.chatalot.bench.report;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

import org.chatalot.bench.workload.H2WriteBench;
import org.chatalot.bench.workload.Rung;

/** Reading fan-out ladders: capacity within the latency bound, the rung servers share, CPU at a rung. */
public final class Ladders {
    private Ladders() {
    }

    /** Deliveries per second of the highest rung sustained (p99 ≤ 50 ms, loss ≤ 1 %); 0 when none was. */
    public static double capacity(List<Rung> ladder) {
        return ladder.stream().filter(Rung::isSustained).mapToDouble(Rung::deliveredPerSecond).max().orElse(0);
    }

    /** The highest offered rate every ladder sustained, if any. */
    public static OptionalInt commonSustainedRate(Collection<List<Rung>> ladders) {
        OptionalInt common = OptionalInt.empty();
        for (List<Rung> ladder : ladders) {
            int highest = ladder.stream().filter(Rung::isSustained).mapToInt(Rung::offeredMessagesPerSecond).max()
                    .orElse(0);
            common = OptionalInt.of(common.isPresent() ? Math.min(common.getAsInt(), highest) : highest);
        }
        return common.isPresent() && common.getAsInt() > 0 ? common : OptionalInt.empty();
    }

    /** Server CPU per delivery (µs) at an offered rate. */
    public static OptionalDouble cpuAt(List<Rung> ladder, int rate) {
        return ladder.stream().filter(r -> r.offeredMessagesPerSecond() == rate)
                .mapToDouble(Rung::serverCpuMicrosPerDelivery).findFirst();
    }

    /** The rung that ended a ladder: its first not sustained, or its last when all were. */
    public static Optional<Rung> limitingRung(List<Rung> ladder) {
        return ladder.stream().filter(r -> !r.isSustained()).findFirst()
                .or(() -> ladder.isEmpty() ? Optional.empty() : Optional.of(ladder.getLast()));
    }

    /** p99 of one durable single-message commit in H2 alone (W7), when W7 ran. */
    public static OptionalDouble durableCommitP99(List<H2WriteBench.Result> h2) {
        return h2 == null ? OptionalDouble.empty() : h2.stream().filter(H2WriteBench.Result::isDurable)
                .filter(x -> x.rowsPerCommit() == 1).mapToDouble(H2WriteBench.Result::commitP99Ms).findFirst();
    }

    /** p99 at the lightest rung. */
    public static OptionalDouble lightestP99(List<Rung> ladder) {
        return ladder.isEmpty() ? OptionalDouble.empty() : OptionalDouble.of(ladder.getFirst().p99Ms());
    }
}
