package org.chatalot.bench.core;

import java.util.Arrays;

/** Latency samples in nanoseconds, appended by one thread at a time per instance; percentiles at the end. */
public final class Latencies {
    private long[] samples = new long[1024];
    private int size;

    public synchronized void add(long nanos) {
        if (size == samples.length) {
            samples = Arrays.copyOf(samples, size * 2);
        }
        samples[size++] = nanos;
    }

    public synchronized int size() {
        return size;
    }

    public synchronized void clear() {
        size = 0;
    }

    /** Combines several recorders (one per receiving socket) into sorted samples. */
    public static long[] merged(Iterable<Latencies> all) {
        long[] out = new long[0];
        for (Latencies l : all) {
            synchronized (l) {
                int at = out.length;
                out = Arrays.copyOf(out, at + l.size);
                System.arraycopy(l.samples, 0, out, at, l.size);
            }
        }
        Arrays.sort(out);
        return out;
    }

    /** Nearest-rank percentile of sorted samples, in milliseconds; NaN when there are none. */
    public static double percentileMillis(long[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int index = (int) Math.min(sorted.length - 1, Math.ceil(p / 100 * sorted.length) - 1);
        return sorted[Math.max(0, index)] / 1e6;
    }
}
