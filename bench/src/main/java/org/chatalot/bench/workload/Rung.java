package org.chatalot.bench.workload;

/**
 * One rung of the fan-out ladder for one server. {@code achievedSendRate} shows whether the generator kept
 * the offered pace; {@code generatorCpuPercent} is the load generator's own CPU time during the rung, as a
 * share of the one core it is pinned to; {@code serverJitMicrosPerDelivery} the part of the server's CPU its JIT
 * compiler threads used (a JVM's, 0 for others); {@code load} is the machine's load average when the rung ended.
 * {@code runs} is how many times the rung was run: a rung that was not sustained is run again to confirm it
 * (see {@link #CONFIRMING_RUNS}), and the run with the median p99 stands for all of them.
 */
public record Rung(String server, int offeredMessagesPerSecond, long offeredDeliveriesPerSecond, long sent,
                   double achievedSendRate, long expected, long delivered, double deliveredPerSecond,
                   double lossPercent, double p50Ms, double p99Ms, double maxMs, double serverCpuMicrosPerDelivery,
                   double serverJitMicrosPerDelivery, double generatorCpuPercent, String load, int runs) {
    /**
     * From this share of its core the generator, not the server, may be what limits the rung: it falls behind
     * reading what arrives, and deliveries wait in its socket buffers, which shows as the server's latency.
     */
    public static final double GENERATOR_BOUND_PERCENT = 85;
    /** The latency bound of the capacity target: a rung counts as sustained when p99 stays within it. */
    public static final double P99_BOUND_MS = 50;
    /** Loss a sustained rung may show (messages still in flight when the drain time ran out). */
    public static final double LOSS_BOUND_PERCENT = 1;

    /**
     * How many times in all a rung that was not sustained is run. Other work on the
     * machine can only add latency, so a rung that held once was held; one that failed may have failed for a
     * stall of the machine, and counts as failed only when most of its runs did.
     */
    public static final int CONFIRMING_RUNS = 3;

    /** Whether this rung was sustained: (almost) everything delivered, p99 within 50 ms. */
    public boolean isSustained() {
        return lossPercent <= LOSS_BOUND_PERCENT && p99Ms <= P99_BOUND_MS;
    }

    /** This rung standing for {@code count} runs of it. */
    public Rung asMedianOf(int count) {
        return new Rung(server, offeredMessagesPerSecond, offeredDeliveriesPerSecond, sent, achievedSendRate,
                expected, delivered, deliveredPerSecond, lossPercent, p50Ms, p99Ms, maxMs, serverCpuMicrosPerDelivery,
                serverJitMicrosPerDelivery, generatorCpuPercent, load, count);
    }

    /** Whether the load generator was busy enough to be the limit of this rung rather than the server. */
    public boolean isGeneratorBound() {
        return generatorCpuPercent >= GENERATOR_BOUND_PERCENT;
    }

    /** Far enough past capacity that higher rungs would only take time. */
    public boolean isPastCapacity() {
        return lossPercent > 5 || p99Ms > 1000;
    }

    public String summary() {
        return String.format("%-16s %5d msg/s offered (%6d deliveries/s, sent at %5.0f/s): %8.0f delivered/s, "
                        + "loss %5.2f %%, p50 %6.2f ms, p99 %7.2f ms, %6.1f µs CPU/delivery, generator %3.0f %% "
                        + "of its core%s, load %s", server, offeredMessagesPerSecond, offeredDeliveriesPerSecond,
                achievedSendRate, deliveredPerSecond, lossPercent, p50Ms, p99Ms, serverCpuMicrosPerDelivery,
                generatorCpuPercent, isGeneratorBound() ? " (the limit)" : "", load)
                + (runs > 1 ? ", the median of " + runs + " runs" : "");
    }
}
