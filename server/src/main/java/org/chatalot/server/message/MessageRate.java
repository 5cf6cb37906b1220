package org.chatalot.server.message;

import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.LongSupplier;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Counts stored messages: a total for Prometheus ({@code chatalot.messages.stored}) and the number stored
 * in the last minute for the health report, kept as 60 one-second buckets so reading it costs nothing.
 */
public final class MessageRate {
    private static final int SECONDS = 60;

    private final Counter stored;
    private final LongSupplier clockSeconds;
    private final AtomicLongArray counts = new AtomicLongArray(SECONDS);
    private final AtomicLongArray stamps = new AtomicLongArray(SECONDS);

    public MessageRate(MeterRegistry registry, LongSupplier clockSeconds) {
        this.stored = Counter.builder("chatalot.messages.stored").description("Messages committed to the database")
                .register(registry);
        this.clockSeconds = clockSeconds;
    }

    void recorded(int messages) {
        stored.increment(messages);
        long now = clockSeconds.getAsLong();
        int slot = (int) Math.floorMod(now, SECONDS);
        if (stamps.getAndSet(slot, now) != now) {
            counts.set(slot, 0);
        }
        counts.addAndGet(slot, messages);
    }

    /** Messages stored in the last 60 seconds. */
    public long lastMinute() {
        long now = clockSeconds.getAsLong();
        long total = 0;
        for (int slot = 0; slot < SECONDS; slot++) {
            if (now - stamps.get(slot) < SECONDS) {
                total += counts.get(slot);
            }
        }
        return total;
    }
}
