package org.chatalot.bench.workload;

/**
 * One rung of the fan-out ladder for one server. {@code achievedSendRate} shows whether the generator kept
 * the offered pace; {@code load} is the machine's load average when the rung ended.
 */
public record Rung(String server, int offeredMessagesPerSecond, long offeredDeliveriesPerSecond, long sent,
                   double achievedSendRate, long expected, long delivered, double deliveredPerSecond,
                   double lossPercent, double p50Ms, double p99Ms, double maxMs, double serverCpuMicrosPerDelivery,
                   String load) {
    /** The latency bound of the capacity target: a rung counts as sustained when p99 stays within it. */
    public static final double P99_BOUND_MS = 50;
    /** Loss a sustained rung may show (messages still in flight when the drain time ran out). */
    public static final double LOSS_BOUND_PERCENT = 1;

    /** Whether this rung was sustained: (almost) everything delivered, p99 within 50 ms. */
    public boolean isSustained() {
        return lossPercent <= LOSS_BOUND_PERCENT && p99Ms <= P99_BOUND_MS;
    }

    /** Far enough past capacity that higher rungs would only take time. */
    public boolean isPastCapacity() {
        return lossPercent > 5 || p99Ms > 1000;
    }

    public String summary() {
        return String.format("%-16s %5d msg/s offered (%6d deliveries/s, sent at %5.0f/s): %8.0f delivered/s, "
                        + "loss %5.2f %%, p50 %6.2f ms, p99 %7.2f ms, %6.1f µs CPU/delivery, load %s", server,
                offeredMessagesPerSecond, offeredDeliveriesPerSecond, achievedSendRate, deliveredPerSecond,
                lossPercent, p50Ms, p99Ms, serverCpuMicrosPerDelivery, load);
    }
}
