package org.chatalot.bench.workload;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingFile;

/**
 * W2's worst messages, taken apart (with {@code --jfr}): for the slowest 1 % of a scenario's messages (at least
 * three), where their time went on the server, from its {@code org.chatalot.MessageStored} events, and what else
 * ran meanwhile (collections, safepoints, the database upkeep, the search index's commits, file syncs, JIT
 * compilations, lock waits), beside how often the same kinds overlap any message at all. The server's events
 * carry its {@link System#nanoTime()} when the message was queued; on Linux that is the monotonic clock this
 * process reads too, so a message's send and receive times line up with its phases on the server, and the
 * recording's wall-clock times are mapped onto that clock through the same events.
 */
final class TailReport {
    /** JFR settings beyond {@code profile} that the report needs: the short stalls the profile leaves out. */
    static final List<String> SETTINGS = List.of("jdk.FileForce#threshold=0ms", "jdk.FileWrite#threshold=1ms",
            "jdk.JavaMonitorEnter#threshold=1ms", "jdk.Compilation#threshold=1ms",
            "jdk.SafepointBegin#threshold=0ms");

    /** A message slower than this end to end is counted among the slow ones (W2's target is a p99 within it). */
    private static final long SLOW_NANOS = 10_000_000L;

    /** One message as the load generator saw it, nanoTime; {@code done} 0 when it never completed. */
    record Sent(String clientId, long sent, long acked, long lastDelivery, long done) {
        long latency() {
            return done == 0 ? Long.MAX_VALUE : done - sent;
        }
    }

    /** Something that ran on the server, mapped onto nanoTime. */
    private record Span(String kind, long start, long end, String detail) {
        long overlap(long from, long to) {
            return Math.max(0, Math.min(end, to) - Math.max(start, from));
        }
    }

    /** The server's phases of one message, nanoTime. */
    private record Phases(long queued, long queueWait, long commit, long handOff, long announcerWait, long announce,
                          int batch) {
        long announced() {
            return queued + queueWait + commit + handOff + announcerWait + announce;
        }
    }

    private final Map<String, Phases> phases = new HashMap<>();
    private final List<Span> spans = new ArrayList<>();

    private TailReport() {
    }

    /** Reads the recording; empty when it has no message events (a server without them, or no recording). */
    static Optional<TailReport> read(Path recording) throws IOException {
        if (!Files.isRegularFile(recording)) {
            return Optional.empty();
        }
        List<RecordedEvent> events = RecordingFile.readAllEvents(recording);
        TailReport report = new TailReport();
        List<Long> offsets = new ArrayList<>();
        for (RecordedEvent event : events) {
            if (event.getEventType().getName().equals("org.chatalot.MessageStored")) {
                Phases p = new Phases(event.getLong("queuedAtNanos"), event.getLong("queueWait"),
                        event.getLong("commit"), event.getLong("handOff"), event.getLong("announcerWait"),
                        event.getDuration().toNanos(), event.getInt("batchSize"));
                report.phases.put(event.getString("clientId"), p);
                long announceStart = p.announced() - p.announce();
                offsets.add(nanos(event.getStartTime()) - announceStart);
            }
        }
        if (offsets.isEmpty()) {
            return Optional.empty();
        }
        offsets.sort(Comparator.naturalOrder());
        long offset = offsets.get(offsets.size() / 2);
        for (RecordedEvent event : events) {
            String kind = kind(event);
            long start = nanos(event.getStartTime()) - offset;
            if (kind != null && kind.equals("upkeep")) {
                // Its steps one after the other: the sync, the rewrite, and the move (under H2's store lock).
                String[] steps = {"sync", "compact", "move"};
                String[] names = {"upkeep sync", "upkeep rewrite", "upkeep move"};
                long at = start;
                for (int i = 0; i < steps.length; i++) {
                    long length = event.getLong(steps[i]);
                    report.spans.add(new Span(names[i], at, at + length, ""));
                    at += length;
                }
            } else if (kind != null) {
                report.spans.add(new Span(kind, start, start + event.getDuration().toNanos(), detail(event)));
            }
        }
        return Optional.of(report);
    }

    private static long nanos(Instant instant) {
        return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
    }

    private static String kind(RecordedEvent event) {
        String thread = threadName(event);
        return switch (event.getEventType().getName()) {
            case "jdk.GarbageCollection" -> "collection";
            case "jdk.SafepointBegin" -> "safepoint";
            case "org.chatalot.DatabaseUpkeep" -> "upkeep";
            case "org.chatalot.SearchIndexCommit" -> "index commit";
            case "jdk.FileForce" -> "fsync " + thread;
            case "jdk.FileWrite" -> "file write " + thread;
            case "jdk.Compilation" -> "JIT compile";
            case "jdk.Deoptimization" -> "deoptimisation";
            case "jdk.JavaMonitorEnter" -> "monitor wait " + thread;
            default -> null;
        };
    }

    private static String threadName(RecordedEvent event) {
        RecordedThread thread = event.getThread();
        String name = thread == null ? null : thread.getJavaName();
        if (name == null) {
            return "?";
        }
        return name.replaceAll("-?\\d+$", "");
    }

    private static String detail(RecordedEvent event) {
        return switch (event.getEventType().getName()) {
            case "jdk.GarbageCollection" -> event.getString("name");
            case "jdk.Compilation" -> String.valueOf(event.getValue("method").toString().lines().findFirst()
                    .orElse(""));
            default -> "";
        };
    }

    /** Prints the scenario's worst messages, their phases and what overlapped them, and the summary by kind. */
    void print(String scenario, Sent[] messages) {
        Sent[] sorted = messages.clone();
        Arrays.sort(sorted, Comparator.comparingLong(Sent::latency).reversed());
        int worst = Math.max(3, messages.length / 100);
        System.out.printf("  W2 %s: the %d worst of %d messages (ms; client = send to queued on the server, "
                + "queue, commit, hand-off, announcer wait, announce, after = announced to the last receiver)%n",
                scenario, worst, messages.length);
        Map<String, long[]> worstOverlap = new LinkedHashMap<>();
        for (int i = 0; i < worst && i < sorted.length; i++) {
            Sent message = sorted[i];
            Phases p = phases.get(message.clientId());
            if (p == null || message.done() == 0) {
                System.out.printf("    %s: %s%n", message.clientId(), message.done() == 0 ? "never completed"
                        : "no server event");
                continue;
            }
            System.out.printf("    %-10s %6.2f = client %.2f, queue %.2f, commit %.2f (batch %d), hand-off %.2f, "
                    + "announcer %.2f, announce %.2f, after %.2f%n", message.clientId(), ms(message.latency()),
                    ms(p.queued() - message.sent()), ms(p.queueWait()), ms(p.commit()), p.batch(),
                    ms(p.handOff()), ms(p.announcerWait()), ms(p.announce()), ms(message.done() - p.announced()));
            Map<String, long[]> here = overlaps(message.sent(), message.done());
            here.forEach((kind, v) -> {
                long[] total = worstOverlap.computeIfAbsent(kind, k -> new long[2]);
                total[0]++;
                total[1] += v[1];
            });
            for (Span span : spans) {
                long overlap = span.overlap(message.sent(), message.done());
                if (overlap > 0 && (overlap >= 200_000 || span.kind().startsWith("collection"))) {
                    System.out.printf("      %-28s %.2f ms of it (from %+.2f ms, lasting %.2f) %s%n", span.kind(),
                            ms(overlap), ms(span.start() - message.sent()), ms(span.end() - span.start()),
                            span.detail());
                }
            }
        }
        Map<String, Integer> anyOverlap = new HashMap<>();
        int complete = 0;
        for (Sent message : messages) {
            if (message.done() == 0) {
                continue;
            }
            complete++;
            overlaps(message.sent(), message.done()).keySet().forEach(kind -> anyOverlap.merge(kind, 1, Integer::sum));
        }
        int all = complete;
        System.out.printf("    overlapping the %d worst (total ms) vs. share of all %d messages overlapped:%n", worst,
                all);
        worstOverlap.forEach((kind, v) -> System.out.printf("      %-28s %d of %d, %.2f ms; all: %d of %d%n", kind,
                v[0], worst, ms(v[1]), anyOverlap.getOrDefault(kind, 0), all));
        printSlow(messages);
    }

    /** Of the messages over {@link #SLOW_NANOS} (at their slowest receiver), how many each kind overlapped. */
    private void printSlow(Sent[] messages) {
        Map<String, Integer> slowOverlap = new LinkedHashMap<>();
        int slow = 0;
        for (Sent message : messages) {
            if (message.done() != 0 && message.latency() > SLOW_NANOS) {
                slow++;
                overlaps(message.sent(), message.done()).keySet()
                        .forEach(kind -> slowOverlap.merge(kind, 1, Integer::sum));
            }
        }
        int count = slow;
        System.out.printf("    of the %d messages over %d ms, overlapping each kind:%n", count, SLOW_NANOS / 1_000_000);
        slowOverlap.forEach((kind, n) -> System.out.printf("      %-28s %d of %d%n", kind, n, count));
    }

    /** Per kind overlapping [from, to): how many spans and for how long in all. */
    private Map<String, long[]> overlaps(long from, long to) {
        Map<String, long[]> out = new LinkedHashMap<>();
        for (Span span : spans) {
            long overlap = span.overlap(from, to);
            if (overlap > 0) {
                long[] v = out.computeIfAbsent(span.kind(), k -> new long[2]);
                v[0]++;
                v[1] += overlap;
            }
        }
        return out;
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }
}
