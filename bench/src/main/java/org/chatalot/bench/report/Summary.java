package org.chatalot.bench.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.function.Function;
import java.util.stream.Stream;

import org.chatalot.bench.workload.ColdStartBench;
import org.chatalot.bench.workload.Rung;

/** The summary section: where and when, the side-by-side ratio table, the targets, the charts. */
public final class Summary {
    /** Above this one-minute load average per core, other work shared the machine with the run. */
    static final double QUIET_LOAD_PER_CORE = 0.5;
    private static final List<String> PEERS = List.of(SuiteResults.CEILING, SuiteResults.EJABBERD,
            SuiteResults.PROSODY);

    private Summary() {
    }

    public static String render(SuiteResults r, int cores) {
        StringBuilder md = new StringBuilder();
        md.append("Measured ").append(r.machine()).append(String.format(". Whole suite: %.0f s; load average %s at "
                + "the start, %s at the end.%n%n", r.durationSeconds(), r.loadAtStart(), r.loadAtEnd()));
        if (isLoaded(r.loadAtStart(), cores) || isLoaded(r.loadAtEnd(), cores)) {
            md.append("> **The machine was loaded during this run** (load average above ").append(QUIET_LOAD_PER_CORE)
                    .append(" per core): other work competed for both cores, so absolute figures are noisy and "
                            + "low; ratios from the same run hold up better. Re-run on a quiet machine for "
                            + "release figures.\n\n");
        }
        md.append(sideBySide(r)).append('\n').append(generator(r.fanout())).append(perRung(r))
                .append(targets(Targets.check(r))).append('\n');
        r.skipped().forEach((what, why) -> md.append("- ").append(what).append(" skipped: ").append(why)
                .append('\n'));
        md.append("\n![delivered per second against offered rate](images/fanout-delivered.png)\n\n"
                + "![p99 latency against offered rate](images/fanout-p99.png)\n");
        return md.toString();
    }

    static boolean isLoaded(String loadAverage, int cores) {
        try {
            return Double.parseDouble(loadAverage.split(" ")[0]) > QUIET_LOAD_PER_CORE * cores;
        } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
            return false;
        }
    }

    static String sideBySide(SuiteResults r) {
        Map<String, List<Rung>> ladders = r.fanout();
        // Servers that sustained no rung at all cannot be compared at a common rate; they show "–" there.
        OptionalInt common = Ladders.commonSustainedRate(ladders.values().stream()
                .filter(l -> Ladders.capacity(l) > 0).toList());
        StringBuilder md = new StringBuilder("| | " + SuiteResults.OURS + " | " + String.join(" | ", PEERS)
                + " | ours / ceiling | ours / ejabberd | ours / Prosody |\n|---|---|---|---|---|---|---|---|\n");
        md.append(row("fan-out capacity, deliveries/s at p99 ≤ 50 ms (higher is better)", ladders,
                l -> OptionalDouble.of(Ladders.capacity(l)), "%,.0f"));
        String cpuLabel = common.isPresent() ? "server CPU per delivery at " + common.getAsInt()
                + " msg/s, µs (lower is better)" : "server CPU per delivery (no rate all sustained)";
        md.append(row(cpuLabel, ladders, l -> common.isPresent() ? Ladders.cpuAt(l, common.getAsInt())
                : OptionalDouble.empty(), "%.1f"));
        md.append(row("p99 at the lightest rung, ms (lower is better)", ladders, Ladders::lightestP99, "%.2f"));
        md.append(coldStartRow(r.coldStart()));
        return md.toString();
    }

    /**
     * Whether the generator, not the server, set each server's capacity: the rung that ended its ladder (its
     * first not sustained, or its last) had the generator at {@link Rung#GENERATOR_BOUND_PERCENT} or more.
     */
    static String generator(Map<String, List<Rung>> ladders) {
        StringBuilder md = new StringBuilder();
        ladders.forEach((server, ladder) -> Ladders.limitingRung(ladder).ifPresent(rung -> md.append(md.isEmpty()
                ? "Load generator (one core), at the rung that ended each ladder: " : "; ").append(String.format(
                "%s %.0f %% of its core at %,d msg/s%s", server, rung.generatorCpuPercent(),
                rung.offeredMessagesPerSecond(), rung.isGeneratorBound() ? " (the generator was the limit: the "
                        + "server's capacity may be higher)" : " (the server was the limit)"))));
        return md.isEmpty() ? "" : md.append(".\n\n").toString();
    }

    /**
     * Ours against the ceiling at every rate both ran, so the cost and latency at light and medium load show,
     * not only at the top; with the floor of our latency, the ceiling's plus one durable commit (W7).
     */
    static String perRung(SuiteResults r) {
        List<Rung> ours = r.fanout().get(SuiteResults.OURS);
        List<Rung> ceiling = r.fanout().get(SuiteResults.CEILING);
        if (ours == null || ceiling == null) {
            return "";
        }
        OptionalDouble commit = Ladders.durableCommitP99(r.h2());
        StringBuilder md = new StringBuilder("| rung | our CPU/delivery | ceiling | ratio | our p99 | ceiling p99 | "
                + "floor: ceiling p99 + one durable commit | of our CPU, JIT compiler |\n"
                + "|---|---|---|---|---|---|---|---|\n");
        boolean anyBound = false;
        for (Rung o : ours) {
            Rung c = ceiling.stream().filter(x -> x.offeredMessagesPerSecond() == o.offeredMessagesPerSecond())
                    .findFirst().orElse(null);
            if (c == null) {
                continue;
            }
            boolean bound = o.isGeneratorBound() || c.isGeneratorBound();
            anyBound |= bound;
            md.append(String.format("| %,d msg/s%s | %.1f µs | %.1f µs | %.1f× | %.1f ms%s | %.1f ms%s | %s "
                            + "| %.1f µs |%n",
                    o.offeredMessagesPerSecond(), bound ? " ‡" : "", o.serverCpuMicrosPerDelivery(),
                    c.serverCpuMicrosPerDelivery(), o.serverCpuMicrosPerDelivery() / c.serverCpuMicrosPerDelivery(),
                    o.p99Ms(), verdict(o), c.p99Ms(), verdict(c),
                    commit.isPresent() ? String.format("%.1f ms", c.p99Ms() + commit.getAsDouble()) : "–",
                    o.serverJitMicrosPerDelivery()));
        }
        md.append('\n');
        if (anyBound) {
            md.append("‡ the load generator used ").append(String.format("%.0f", Rung.GENERATOR_BOUND_PERCENT))
                    .append(" % or more of its core at this rung: there it may be the limit, not the server.\n\n");
        }
        md.append("The JIT compiler's share is the CPU of the server's compiler threads: a young JVM compiles for "
                + "minutes at low rates (a method called once per message needs thousands of calls), so it is the "
                + "cost of a fresh start, not of each message; the ceiling has far less code to compile.\n\n");
        commit.ifPresent(p99 -> md.append(String.format("One durable commit (H2 alone, one message per commit, "
                + "`WRITE_DELAY=0`, W7): p99 %.2f ms. Every message is acknowledged and delivered only after its "
                + "commit, so our p99 cannot be below the ceiling's plus this.%n%n", p99)));
        return md.toString();
    }

    /** How a rung's p99 is qualified in the table: not sustained, and the median of several runs. */
    static String verdict(Rung rung) {
        String runs = rung.runs() > 1 ? "median of " + rung.runs() + " runs" : "";
        String held = rung.isSustained() ? "" : "not sustained";
        String both = String.join(", ", Stream.of(held, runs).filter(s -> !s.isEmpty()).toList());
        return both.isEmpty() ? "" : " (" + both + ")";
    }

    private static String row(String label, Map<String, List<Rung>> ladders,
                              Function<List<Rung>, OptionalDouble> value, String format) {
        List<String> names = new ArrayList<>(List.of(SuiteResults.OURS));
        names.addAll(PEERS);
        List<OptionalDouble> values = names.stream().map(n -> ladders.containsKey(n) ? value.apply(ladders.get(n))
                : OptionalDouble.empty()).toList();
        return cells(label, values, format);
    }

    private static String coldStartRow(List<ColdStartBench.Result> results) {
        List<OptionalDouble> values = new ArrayList<>();
        for (String name : List.of(SuiteResults.OURS, SuiteResults.CEILING, SuiteResults.EJABBERD,
                SuiteResults.PROSODY)) {
            values.add(results == null ? OptionalDouble.empty() : results.stream().filter(c -> c.server()
                    .equals(name)).mapToDouble(ColdStartBench.Result::medianMillis).findFirst());
        }
        return cells("cold start to first 200, median ms (lower is better)", values, "%,.0f");
    }

    private static String cells(String label, List<OptionalDouble> values, String format) {
        StringBuilder md = new StringBuilder("| " + label);
        for (OptionalDouble v : values) {
            md.append(" | ").append(v.isPresent() ? String.format(format, v.getAsDouble()) : "–");
        }
        OptionalDouble ours = values.getFirst();
        for (OptionalDouble peer : values.subList(1, values.size())) {
            boolean both = ours.isPresent() && peer.isPresent() && peer.getAsDouble() != 0;
            md.append(" | ").append(both ? String.format("%.2f×", ours.getAsDouble() / peer.getAsDouble()) : "–");
        }
        return md.append(" |\n").toString();
    }

    static String targets(List<Targets.Verdict> verdicts) {
        StringBuilder md = new StringBuilder("| target (issue 10) | measured in this run | |\n|---|---|---|\n");
        for (Targets.Verdict v : verdicts) {
            String mark = switch (v.status()) {
                case MEETS -> "✅ meets";
                case MISSES -> "❌ misses";
                case NOT_MEASURED -> "– not measured";
            };
            md.append("| ").append(v.target()).append(" | ").append(v.measured()).append(" | ").append(mark)
                    .append(" |\n");
        }
        return md.toString();
    }
}
