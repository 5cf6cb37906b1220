package org.chatalot.bench.workload;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLongArray;

import org.chatalot.bench.core.Latencies;
import org.chatalot.bench.core.Marker;

/**
 * W2's bookkeeping: when each message was sent, when its {@code message_sent} (stored) arrived, and when it
 * reached each receiver. Receiver 0 is the sender. The marker's sender field carries the message number.
 */
final class Tracker {
    private static final String ACK = "\"type\":\"message_sent\"";

    private final int round;
    private final String clientIdPrefix;
    private final int receivers;
    private final long[] sent;
    private final AtomicLongArray acked;
    private final AtomicLongArray delivered;

    Tracker(int round, int messages, int people) {
        this.round = round;
        this.clientIdPrefix = "\"client_id\":\"" + clientIdPrefix(round);
        this.receivers = people;
        this.sent = new long[messages];
        this.acked = new AtomicLongArray(messages);
        this.delivered = new AtomicLongArray(messages * people);
    }

    /**
     * The {@code client_id} of a message: unique per round, because the server answers a client id its sender
     * used before with that earlier message instead of storing a new one.
     */
    static String clientId(int round, int message) {
        return clientIdPrefix(round) + message;
    }

    private static String clientIdPrefix(int round) {
        return "w2-" + round + "-";
    }

    void sent(int message, long nanos) {
        sent[message] = nanos;
    }

    void onFrame(int person, CharSequence frame) {
        onFrame(person, frame, System.nanoTime());
    }

    /** {@code frame} as read by {@code person} at {@code now} ({@link System#nanoTime()}). */
    void onFrame(int person, CharSequence frame, long now) {
        String text = frame.toString();
        if (person == 0 && text.contains(ACK)) {
            int at = text.indexOf(clientIdPrefix);
            if (at >= 0) {
                int from = at + clientIdPrefix.length();
                acked.compareAndSet(Integer.parseInt(text, from, text.indexOf('"', from), 10), 0, now);
            }
            return;
        }
        Marker marker = Marker.find(text);
        if (marker != null && marker.round() == round && person > 0) {
            delivered.compareAndSet(marker.sender() * receivers + person, 0, now);
        }
    }

    /** Waits until every message is stored and delivered everywhere, or {@code timeoutMillis} pass. */
    void awaitAll(long timeoutMillis) throws InterruptedException {
        long deadline = System.nanoTime() + timeoutMillis * 1_000_000;
        while (complete().length < (long) sent.length * (receivers - 1) && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
    }

    LatencyBench.Result result(String scenario, int people, int rate, long stored, String load) {
        long[] complete = complete();
        long[] acks = new long[sent.length];
        for (int m = 0; m < sent.length; m++) {
            acks[m] = acked.get(m) == 0 ? Long.MAX_VALUE : acked.get(m) - sent[m];
        }
        Arrays.sort(acks);
        return new LatencyBench.Result(scenario, people, sent.length, rate, (long) sent.length * (receivers - 1),
                complete.length, stored, Latencies.percentileMillis(complete, 50),
                Latencies.percentileMillis(complete, 99), Latencies.percentileMillis(complete, 100),
                Latencies.percentileMillis(acks, 99), load);
    }

    /**
     * Per message, its send time and the moment it was both stored and delivered everywhere (0 when it never
     * was), as {@link System#nanoTime()}: what {@link TailReport} lines up with the server's own phases.
     */
    TailReport.Sent[] perMessage() {
        TailReport.Sent[] out = new TailReport.Sent[sent.length];
        for (int m = 0; m < sent.length; m++) {
            long ack = acked.get(m);
            long done = ack;
            long lastDelivery = 0;
            for (int r = 1; r < receivers && done != 0; r++) {
                long delivery = delivered.get(m * receivers + r);
                lastDelivery = Math.max(lastDelivery, delivery);
                done = delivery == 0 ? 0 : Math.max(done, delivery);
            }
            out[m] = new TailReport.Sent(clientId(round, m), sent[m], ack, lastDelivery, done);
        }
        return out;
    }

    /** p90 and p99.9 of the pairs, and how many pairs and messages (at their slowest receiver) took over 10 ms. */
    String tail() {
        long[] pairs = complete();
        long limit = 10_000_000L;
        long pairsOver = Arrays.stream(pairs).filter(latency -> latency > limit).count();
        long messagesOver = Arrays.stream(perMessage()).filter(m -> m.latency() > limit).count();
        return String.format("p90 %.2f ms, p99.9 %.2f ms, over 10 ms: %d of %d deliveries, %d of %d messages",
                Latencies.percentileMillis(pairs, 90), Latencies.percentileMillis(pairs, 99.9), pairsOver,
                pairs.length, messagesOver, sent.length);
    }

    /** Sorted latencies of every (message, receiver) pair that is both stored and delivered. */
    private long[] complete() {
        long[] out = new long[sent.length * (receivers - 1)];
        int n = 0;
        for (int m = 0; m < sent.length; m++) {
            long ack = acked.get(m);
            for (int r = 1; r < receivers && ack != 0; r++) {
                long delivery = delivered.get(m * receivers + r);
                if (delivery != 0) {
                    out[n++] = Math.max(ack, delivery) - sent[m];
                }
            }
        }
        long[] done = Arrays.copyOf(out, n);
        Arrays.sort(done);
        return done;
    }
}
