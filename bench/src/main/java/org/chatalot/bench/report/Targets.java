package org.chatalot.bench.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.stream.Collectors;

import org.chatalot.bench.workload.ColdStartBench;
import org.chatalot.bench.workload.UploadBench;
import org.chatalot.bench.workload.WritePathBench;
import org.chatalot.bench.workload.IdleSocketsBench;
import org.chatalot.bench.workload.LatencyBench;
import org.chatalot.bench.workload.Rung;

/** The targets of issues 10 and 18, checked against one run's ratios. */
public final class Targets {
    public enum Status { MEETS, MISSES, NOT_MEASURED }

    /** The bound we promise for other requests' p99 while fifty logins queue on a 2-core machine. */
    static final long UNRELATED_P99_BOUND_MS = 250;

    public record Verdict(String target, String measured, Status status) {
    }

    private Targets() {
    }

    public static List<Verdict> check(SuiteResults r) {
        List<Verdict> out = new ArrayList<>();
        out.add(capacityRatio(r, SuiteResults.EJABBERD, 2.0, "≥ 2× ejabberd"));
        out.add(capacityRatio(r, SuiteResults.CEILING, 0.5, "≥ 0.5× the bare Helidon ceiling"));
        out.add(cpuPerDelivery(r));
        out.add(writeCostAtLowRate(r.writes()));
        out.add(lightLoad(r.latency()));
        out.add(idle(r));
        out.add(coldStart(r.coldStart()));
        out.add(upload(r));
        out.add(logins(r));
        out.add(unrelatedDuringLogins(r));
        return out;
    }

    static Verdict capacityRatio(SuiteResults r, String peer, double bound, String target) {
        String name = "fan-out capacity at p99 ≤ 50 ms " + target;
        List<Rung> ours = r.fanout().get(SuiteResults.OURS);
        List<Rung> theirs = r.fanout().get(peer);
        if (ours == null || theirs == null || Ladders.capacity(theirs) == 0) {
            return missing(name, r.skipped().getOrDefault(peer, "no sustained rung to compare with"));
        }
        double ratio = Ladders.capacity(ours) / Ladders.capacity(theirs);
        return verdict(name, String.format("%.2f× (%,.0f vs %,.0f deliveries/s)", ratio, Ladders.capacity(ours),
                Ladders.capacity(theirs)), ratio >= bound);
    }

    /** Issue 18: at every rung from this rate up that both sustained, not only at the top. */
    static final int CPU_RATIO_FROM_RATE = 100;

    /**
     * Judged without the JIT compiler's threads, for both servers, as W7 is: what a JVM compiles in its first
     * minutes is the cost of a fresh start, not of each delivery (the suite's 30-second warm-up does not finish
     * it); the table beside shows that share per rung.
     */
    static Verdict cpuPerDelivery(SuiteResults r) {
        String name = "CPU per delivery ≤ 2× the ceiling at every rung from " + CPU_RATIO_FROM_RATE
                + " msg/s up (JIT compiler excluded)";
        List<Rung> ours = r.fanout().get(SuiteResults.OURS);
        List<Rung> ceiling = r.fanout().get(SuiteResults.CEILING);
        OptionalInt top = ours == null || ceiling == null ? OptionalInt.empty()
                : Ladders.commonSustainedRate(List.of(ours, ceiling));
        if (top.isEmpty()) {
            return missing(name, "no rate sustained by both");
        }
        int worstRate = 0;
        double worst = Double.NaN;
        for (Rung rung : ours) {
            int rate = rung.offeredMessagesPerSecond();
            OptionalDouble theirs = Ladders.cpuWithoutJitAt(ceiling, rate);
            if (rate < CPU_RATIO_FROM_RATE || rate > top.getAsInt() || theirs.isEmpty()) {
                continue;
            }
            double ratio = Ladders.withoutJit(rung) / theirs.getAsDouble();
            if (Double.isNaN(worst) || ratio > worst) {
                worst = ratio;
                worstRate = rate;
            }
        }
        if (Double.isNaN(worst)) {
            return missing(name, "no rung from " + CPU_RATIO_FROM_RATE + " msg/s up sustained by both");
        }
        int highest = top.getAsInt();
        return verdict(name, String.format("worst %.2f× at %d msg/s (%.1f vs %.1f µs; with the JIT compiler %.1f vs "
                        + "%.1f µs); %.2f× at %d msg/s, the highest rate both sustained with every rate below it",
                worst, worstRate, Ladders.cpuWithoutJitAt(ours, worstRate).orElse(Double.NaN),
                Ladders.cpuWithoutJitAt(ceiling, worstRate).orElse(Double.NaN),
                Ladders.cpuAt(ours, worstRate).orElse(Double.NaN), Ladders.cpuAt(ceiling, worstRate)
                        .orElse(Double.NaN), Ladders.cpuWithoutJitAt(ours, highest).orElse(Double.NaN)
                        / Ladders.cpuWithoutJitAt(ceiling, highest).orElse(Double.NaN), highest), worst <= 2);
    }

    /** Issue 18: the durable write path's CPU per message at a low rate within 2× of its cost at a high one. */
    static Verdict writeCostAtLowRate(WritePathBench.Result w7) {
        String name = "W7 CPU per stored message at the lowest paced rate ≤ 2× at the highest (JIT compiler "
                + "excluded)";
        if (w7 == null || w7.paced() == null || w7.paced().size() < 2) {
            return missing(name, "W7's paced phases did not run");
        }
        WritePathBench.Paced low = w7.paced().getFirst();
        WritePathBench.Paced high = w7.paced().getLast();
        double ratio = low.withoutJitMicrosPerMessage() / high.withoutJitMicrosPerMessage();
        return verdict(name, String.format("%.2f× (%.1f µs at %d msg/s, %.1f µs at %d msg/s; with the JIT "
                        + "compiler %.1f and %.1f µs)", ratio, low.withoutJitMicrosPerMessage(), low.rate(),
                high.withoutJitMicrosPerMessage(), high.rate(), low.serverCpuMicrosPerMessage(),
                high.serverCpuMicrosPerMessage()), ratio <= 2);
    }

    static Verdict lightLoad(List<LatencyBench.Result> latency) {
        String name = "light-load p99 ≤ 10 ms (stored and delivered)";
        if (latency == null || latency.isEmpty()) {
            return missing(name, "W2 did not run");
        }
        StringBuilder measured = new StringBuilder();
        boolean meets = true;
        for (LatencyBench.Result result : latency) {
            measured.append(measured.isEmpty() ? "" : "; ").append(String.format("%s %.2f ms", result.scenario(),
                    result.p99Ms()));
            meets &= result.p99Ms() <= 10 && result.complete() == result.expected();
        }
        return verdict(name, measured.toString(), meets);
    }

    /** Issue 18, item 4: heap per authenticated idle socket, about 1.1× the bare Helidon ceiling's 25.9 KB. */
    static final double IDLE_SOCKET_KB = 28;

    static Verdict idle(SuiteResults r) {
        String name = String.format("≤ %.0f KB per idle socket", IDLE_SOCKET_KB);
        IdleSocketsBench.Result ours = r.idle() == null ? null : r.idle().stream()
                .filter(i -> i.server().equals(SuiteResults.OURS)).findFirst().orElse(null);
        if (ours == null) {
            return missing(name, r.skipped().getOrDefault("idle", "W3 did not run"));
        }
        double heapKb = ours.heapBytesPerSocket() / 1024;
        String ceiling = r.idle().stream().filter(i -> i.server().equals(SuiteResults.CEILING)).findFirst()
                .map(c -> String.format("; the ceiling %.1f KB", c.heapBytesPerSocket() / 1024)).orElse("");
        return verdict(name, String.format("%.1f KB of live heap objects (%.1f KB RSS)%s", heapKb, ours.rssBytesPerSocket() / 1024,
                ceiling), heapKb <= IDLE_SOCKET_KB);
    }

    static Verdict coldStart(List<ColdStartBench.Result> results) {
        String name = "cold start ≤ 1.3× bare Helidon (empty and existing data)";
        Map<String, Double> medians = results == null ? Map.of() : results.stream().collect(
                Collectors.toMap(ColdStartBench.Result::server, ColdStartBench.Result::medianMillis));
        if (!medians.containsKey(SuiteResults.OURS) || !medians.containsKey(SuiteResults.CEILING)) {
            return missing(name, "W6 did not run for both");
        }
        double ceiling = medians.get(SuiteResults.CEILING);
        double empty = medians.get(SuiteResults.OURS) / ceiling;
        Double existing = medians.get(SuiteResults.OURS + ", existing data");
        if (existing == null) {
            return verdict(name, String.format("%.2f× (%.0f vs %.0f ms)", empty, medians.get(SuiteResults.OURS),
                    ceiling), empty <= 1.3);
        }
        double worst = Math.max(empty, existing / ceiling);
        return verdict(name, String.format("%.2f× empty, %.2f× existing (%.0f and %.0f vs %.0f ms)", empty,
                existing / ceiling, medians.get(SuiteResults.OURS), existing, ceiling), worst <= 1.3);
    }

    static Verdict upload(SuiteResults r) {
        String name = "upload ≤ 1.5× nginx→sink, ≤ 16 MiB memory growth, 10 at once ≤ 64 MiB";
        if (r.upload() == null || r.upload().skipped() != null) {
            return missing(name, r.upload() == null ? "W5 did not run" : r.upload().skipped());
        }
        double ratio = r.upload().ours().wallMillis() / r.upload().sink().wallMillis();
        double growth = r.upload().ours().peakGrowthMiB();
        UploadBench.Upload concurrent = r.upload().oursConcurrent();
        double concurrentGrowth = concurrent == null ? Double.NaN : concurrent.peakGrowthMiB();
        boolean concurrentMeets = concurrent != null && concurrentGrowth <= 64 && concurrent.status() / 100 == 2;
        return verdict(name, String.format("%.2f× (%.0f vs %.0f ms), %.1f MiB growth; 10 at once %.1f MiB", ratio,
                r.upload().ours().wallMillis(), r.upload().sink().wallMillis(), growth, concurrentGrowth),
                ratio <= 1.5 && growth <= 16 && concurrentMeets && r.upload().ours().status() / 100 == 2);
    }

    static Verdict logins(SuiteResults r) {
        String name = "logins ≥ 0.8× Argon2 per core, chat p99 ≤ 2× baseline";
        if (r.logins() == null) {
            return missing(name, r.skipped().getOrDefault("logins", "W4 did not run"));
        }
        // The login path's own CPU: the storm's, less what the chat round beside it cost alone, and without the
        // JIT compiler's threads, which the ceiling's count never had (as W1 and W7 read CPU).
        double ratio = r.logins().loginsPerWarmCpuSecond() / r.logins().argon2CeilingPerSecond();
        double withJit = r.logins().loginsPerLoginCpuSecond() / r.logins().argon2CeilingPerSecond();
        double gross = r.logins().loginsPerServerCpuSecond() / r.logins().argon2CeilingPerSecond();
        double chat = r.logins().chatStormP99Ms() / r.logins().chatBaselineP99Ms();
        return verdict(name, String.format("%.2f× (%.2f logins vs %.2f hashes per CPU second, without the chat "
                        + "round's CPU and the JIT compiler's %.1f s; %.2f× with the compiler, %.2f× with both); "
                        + "chat p99 %.2f× (%.1f vs %.1f ms)", ratio, r.logins().loginsPerWarmCpuSecond(),
                r.logins().argon2CeilingPerSecond(), r.logins().jitCpuSeconds(), withJit, gross, chat,
                r.logins().chatStormP99Ms(), r.logins().chatBaselineP99Ms()), ratio >= 0.8 && chat <= 2);
    }

    /** Was LoginStormIT's bound; a time bound belongs here, where the machine's load is recorded beside it. */
    static Verdict unrelatedDuringLogins(SuiteResults r) {
        String name = "unrelated request p99 during the login storm ≤ " + UNRELATED_P99_BOUND_MS + " ms";
        if (r.logins() == null || r.logins().unrelatedRequests() == 0) {
            return missing(name, r.skipped().getOrDefault("logins", "W4 did not run"));
        }
        return verdict(name, String.format("%.1f ms (%d requests)", r.logins().unrelatedStormP99Ms(),
                r.logins().unrelatedRequests()), r.logins().unrelatedStormP99Ms() <= UNRELATED_P99_BOUND_MS);
    }

    private static Verdict verdict(String name, String measured, boolean meets) {
        return new Verdict(name, measured, meets ? Status.MEETS : Status.MISSES);
    }

    private static Verdict missing(String name, String why) {
        return new Verdict(name, "not measured: " + why, Status.NOT_MEASURED);
    }
}
