package org.chatalot.bench.workload;

/**
 * One rung of the fan-out ladder for one server. {@code achievedSendRate} shows whether the generator kept
 * the offered pace; {@code generatorCpuPercent} is the load generator's own CPU time during the rung, as a
 * share of the one core it is pinned to; {@code serverJitMicrosPerDelivery} the part of the server's CPU its JIT
 * compiler threads used (a JVM's, 0 for others); {@code load} is the machine's load average when the rung ended.
 */
public record Rung(String server, int offeredMessagesPerSecond, long offeredDeliveriesPerSecond, long sent,
                   double achievedSendRate, long expected, long delivered, double deliveredPerSecond,
                   double lossPercent, double p50Ms, double p99Ms, double maxMs, double serverCpuMicrosPerDelivery,
                   double serverJitMicrosPerDelivery, double generatorCpuPercent, String load) {
    /**
     * From this share of its core the generator, not the server, may be what limits the rung: it falls behind
     * reading what arrives, and deliveries wait in its socket buffers, which shows as the server's latency.
     */
    public static final double GENERATOR_BOUND_PERCENT = 85;
    /** The latency bound of the capacity target: a rung counts as sustained when p99 stays within it. */
    public static final double P99_BOUND_MS = 50;
    /** Loss a sustained rung may show (messages still in flight when the drain time ran out). */
    public static final double LOSS_BOUND_PERCENT = 1;

    /** Whether this rung was sustained: (almost) everything delivered, p99 within 50 ms. */
    public boolean isSustained() {
        return lossPercent <= LOSS_BOUND_PERCENT && p99Ms <= P99_BOUND_MS;
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
                generatorCpuPercent, isGeneratorBound() ? " (the limit)" : "", load);
    }
}
