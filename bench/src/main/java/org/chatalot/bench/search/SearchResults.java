package org.chatalot.bench.search;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** W9's figures and the section of docs/performance.md they make. */
public record SearchResults(String machine, SearchBench.Settings settings, Load load, Sizes sizes, Stats overall,
                            Map<String, Stats> byKind, Map<String, Stats> bySearcher, double averageHits) {
    /** The budget of issue 16: p95 at most this over a million stored messages. */
    static final double BUDGET_P95_MS = 100;

    public record Load(long messages, double seconds, double perSecond, double serverCpuMicrosPerMessage,
                       Instant startedAt, Instant endedAt) {
    }

    public record Sizes(double databaseFileMb, double searchIndexMb, double messagesMb, double mentionsMb,
                        long messageRows) {
    }

    public record Stats(int count, double p50, double p95, double p99, double max) {
        static Stats of(List<Double> values) {
            List<Double> sorted = values.stream().sorted().toList();
            return new Stats(sorted.size(), at(sorted, 0.50), at(sorted, 0.95), at(sorted, 0.99),
                    sorted.isEmpty() ? 0 : sorted.getLast());
        }

        private static double at(List<Double> sorted, double quantile) {
            if (sorted.isEmpty()) {
                return 0;
            }
            int index = (int) Math.ceil(quantile * sorted.size()) - 1;
            return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
        }
    }

    public String section() {
        StringBuilder md = new StringBuilder();
        md.append(String.format(Locale.ROOT, "Measured %s.%n%n", machine));
        md.append(String.format(Locale.ROOT, "| budget | measured | |%n|---|---|---|%n"
                + "| search p95 ≤ %.0f ms over 1,000,000 messages | p95 **%.1f ms** over %,d messages (p50 %.1f, "
                + "p99 %.1f, max %.1f; %d searches) | %s |%n%n", BUDGET_P95_MS, overall.p95(), load.messages(),
                overall.p50(), overall.p99(), overall.max(), overall.count(),
                overall.p95() <= BUDGET_P95_MS && load.messages() >= 1_000_000 ? "met" : "not met"));
        md.append(String.format(Locale.ROOT, "Data set: %,d messages sent by %d sockets through the server's write "
                + "path in %.0f s (**%,.0f messages/s** stored and indexed, %.1f µs of server CPU per message), "
                + "into %d channels (%d private) and %d DMs.%n%n", load.messages(), settings.posters(),
                load.seconds(), load.perSecond(), load.serverCpuMicrosPerMessage(), settings.channels(),
                settings.privateChannels(), settings.posters() * 3));
        md.append(String.format(Locale.ROOT, "On disk: search index (`DATA_DIR/search`) **%.0f MB** (%.0f bytes per "
                + "message); database file %.0f MB, of which messages %.0f MB and mentions %.1f MB.%n%n",
                sizes.searchIndexMb(), sizes.searchIndexMb() * 1e6 / Math.max(1, sizes.messageRows()),
                sizes.databaseFileMb(), sizes.messagesMb(), sizes.mentionsMb()));
        md.append("| search | p50 ms | p95 ms | p99 ms | max ms |\n|---|---|---|---|---|\n");
        byKind.forEach((kind, stats) -> md.append(row(kind, stats)));
        bySearcher.forEach((who, stats) -> md.append(row("all kinds, " + who + " reader", stats)));
        md.append(String.format(Locale.ROOT, "%nA search returned %.1f hits on average (pages of 20).%n",
                averageHits));
        return md.toString();
    }

    private static String row(String name, Stats stats) {
        return String.format(Locale.ROOT, "| %s | %.1f | %.1f | %.1f | %.1f |%n", name, stats.p50(), stats.p95(),
                stats.p99(), stats.max());
    }
}
