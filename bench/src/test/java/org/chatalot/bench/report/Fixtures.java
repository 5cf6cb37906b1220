package org.chatalot.bench.report;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.chatalot.bench.workload.H2WriteBench;
import org.chatalot.bench.workload.Rung;

/** Hand-made ladders and results for the report tests. */
final class Fixtures {
    private Fixtures() {
    }

    /** A rung of {@code rate} msg/s to 49 receivers. */
    static Rung rung(String server, int rate, double loss, double p99, double cpuMicros) {
        return rung(server, rate, loss, p99, cpuMicros, 0);
    }

    /** The same, {@code jitMicros} of its CPU per delivery the JIT compiler's. */
    static Rung rung(String server, int rate, double loss, double p99, double cpuMicros, double jitMicros) {
        long offered = rate * 49L;
        return new Rung(server, rate, offered, rate * 3L, rate, offered * 3, Math.round(offered * 3 * (1 - loss
                / 100)), offered * (1 - loss / 100), loss, p99 / 3, p99, p99 * 2, cpuMicros, jitMicros, 40,
                "0.10 0.20 0.30", 1);
    }

    static Map<String, List<Rung>> ladders() {
        Map<String, List<Rung>> ladders = new LinkedHashMap<>();
        ladders.put(SuiteResults.OURS, List.of(rung(SuiteResults.OURS, 100, 0, 5, 40),
                rung(SuiteResults.OURS, 400, 0, 30, 30), rung(SuiteResults.OURS, 800, 0, 90, 28)));
        ladders.put(SuiteResults.CEILING, List.of(rung(SuiteResults.CEILING, 100, 0, 2, 12),
                rung(SuiteResults.CEILING, 400, 0, 4, 10), rung(SuiteResults.CEILING, 800, 0, 20, 9)));
        ladders.put(SuiteResults.EJABBERD, List.of(rung(SuiteResults.EJABBERD, 100, 0, 10, 50),
                rung(SuiteResults.EJABBERD, 400, 3, 400, 45)));
        return ladders;
    }

    static SuiteResults results(Map<String, List<Rung>> ladders) {
        return results(ladders, null);
    }

    static SuiteResults results(Map<String, List<Rung>> ladders, List<H2WriteBench.Result> h2) {
        return new SuiteResults("2026-01-01 · test machine", "0.10 0.20 0.30", "0.40 0.20 0.30", 300, 50, ladders,
                null, null, null, null, null, null, h2, null, Map.of(SuiteResults.PROSODY, "not installed"));
    }
}
