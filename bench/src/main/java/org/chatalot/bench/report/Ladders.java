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

    /**
     * Deliveries per second of the highest rung below which every rung was sustained too (p99 ≤ 50 ms, loss ≤
     * 1 %); 0 when the first was not. A rung that held above one that did not is not counted: a server that
     * lags at 1,000 msg/s does not have the capacity of 5,000 because it held there (bigger batches at higher
     * rates can make each delivery cheaper than at the rung where it fell behind).
     */
    public static double capacity(List<Rung> ladder) {
        return heldPrefix(ladder).map(Rung::deliveredPerSecond).orElse(0.0);
    }

    /** The highest offered rate every ladder sustained together with every rate below it, if any. */
    public static OptionalInt commonSustainedRate(Collection<List<Rung>> ladders) {
        OptionalInt common = OptionalInt.empty();
        for (List<Rung> ladder : ladders) {
            int highest = heldPrefix(ladder).map(Rung::offeredMessagesPerSecond).orElse(0);
            common = OptionalInt.of(common.isPresent() ? Math.min(common.getAsInt(), highest) : highest);
        }
        return common.isPresent() && common.getAsInt() > 0 ? common : OptionalInt.empty();
    }

    /** The last rung of the ladder's unbroken run of sustained rungs from its first. */
    private static Optional<Rung> heldPrefix(List<Rung> ladder) {
        Rung held = null;
        for (Rung rung : ladder) {
            if (!rung.isSustained()) {
                break;
            }
            held = rung;
        }
        return Optional.ofNullable(held);
    }

    /** Server CPU per delivery (µs) at an offered rate. */
    public static OptionalDouble cpuAt(List<Rung> ladder, int rate) {
        return ladder.stream().filter(r -> r.offeredMessagesPerSecond() == rate)
                .mapToDouble(Rung::serverCpuMicrosPerDelivery).findFirst();
    }

    /** Server CPU per delivery (µs) at an offered rate, less its JIT compiler's threads. */
    public static OptionalDouble cpuWithoutJitAt(List<Rung> ladder, int rate) {
        return ladder.stream().filter(r -> r.offeredMessagesPerSecond() == rate).mapToDouble(Ladders::withoutJit)
                .findFirst();
    }

    /** A rung's server CPU per delivery (µs) less its JIT compiler's threads. */
    public static double withoutJit(Rung rung) {
        return rung.serverCpuMicrosPerDelivery() - rung.serverJitMicrosPerDelivery();
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
