package org.chatalot.bench.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.function.Function;

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
        md.append(sideBySide(r)).append('\n').append(targets(Targets.check(r))).append('\n');
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
