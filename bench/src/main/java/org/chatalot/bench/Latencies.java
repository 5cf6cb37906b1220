package org.chatalot.bench;

import java.util.Arrays;

/** Latency samples in nanoseconds, appended by one thread at a time per instance; percentiles at the end. */
final class Latencies {
    private long[] samples = new long[1024];
    private int size;

    synchronized void add(long nanos) {
        if (size == samples.length) {
            samples = Arrays.copyOf(samples, size * 2);
        }
        samples[size++] = nanos;
    }

    synchronized int size() {
        return size;
    }

    /** Combines several recorders (one per receiving socket) into sorted samples. */
    static long[] merged(Iterable<Latencies> all) {
        int total = 0;
        for (Latencies l : all) {
            total += l.size();
        }
        long[] out = new long[total];
        int at = 0;
        for (Latencies l : all) {
            synchronized (l) {
                System.arraycopy(l.samples, 0, out, at, l.size);
                at += l.size;
            }
        }
        Arrays.sort(out);
        return out;
    }

    static double percentileMillis(long[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int index = (int) Math.min(sorted.length - 1, Math.ceil(p / 100 * sorted.length) - 1);
        return sorted[Math.max(0, index)] / 1e6;
    }

    synchronized void clear() {
        size = 0;
    }
}
