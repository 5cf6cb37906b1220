package org.chatalot.bench.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.chatalot.bench.workload.H2WriteBench;
import org.chatalot.bench.workload.Rung;

class SummaryTest {

    @Test
    void theSideBySideTableHasOurRatiosAgainstEachPeer() {
        String table = Summary.sideBySide(Fixtures.results(Fixtures.ladders()));

        assertThat(table).contains("| ours / ceiling | ours / ejabberd | ours / Prosody |");
        assertThat(table).contains("| fan-out capacity, deliveries/s at p99 ≤ 50 ms (higher is better) | 19,600 | "
                + "39,200 | 4,900 | – | 0.50× | 4.00× | – |");
        assertThat(table).contains("server CPU per delivery at 100 msg/s");
    }

    @Test
    void everyRungBothRanIsComparedWithTheFloorOfOneDurableCommit() {
        SuiteResults r = Fixtures.results(Fixtures.ladders(), List.of(new H2WriteBench.Result("WRITE_DELAY=0 (durable)",
                1, 1000, 1, 1000, true, 1.0, 1.5)));

        String table = Summary.perRung(r);

        assertThat(table).contains("| rung | our CPU/delivery | ceiling | ratio | our p99 | ceiling p99 | floor: "
                + "ceiling p99 + one durable commit | of our CPU, JIT compiler |");
        assertThat(table).contains("| 100 msg/s | 40.0 µs | 12.0 µs | 3.3× | 5.0 ms | 2.0 ms | 3.5 ms | 0.0 µs |");
        assertThat(table).contains("| 800 msg/s | 28.0 µs | 9.0 µs | 3.1× | 90.0 ms (not sustained) | 20.0 ms | "
                + "21.5 ms | 0.0 µs |");
        assertThat(table).contains("p99 1.50 ms").doesNotContain("‡");
    }

    @Test
    void aRungRunSeveralTimesSaysSo() {
        Rung confirmed = Fixtures.rung(SuiteResults.OURS, 800, 0, 90, 28).asMedianOf(3);

        assertThat(Summary.verdict(confirmed)).isEqualTo(" (not sustained, median of 3 runs)");
        assertThat(Summary.verdict(Fixtures.rung(SuiteResults.OURS, 800, 0, 30, 28).asMedianOf(3)))
                .isEqualTo(" (median of 3 runs)");
        assertThat(Summary.verdict(Fixtures.rung(SuiteResults.OURS, 800, 0, 30, 28))).isEmpty();
    }

    @Test
    void aRungWhereTheGeneratorWasBusyIsMarkedAndItsCapacityNotTakenForTheServers() {
        Map<String, List<Rung>> ladders = new LinkedHashMap<>(Fixtures.ladders());
        Rung top = Fixtures.rung(SuiteResults.CEILING, 800, 0, 20, 9);
        ladders.put(SuiteResults.CEILING, List.of(Fixtures.rung(SuiteResults.CEILING, 100, 0, 2, 12),
                new Rung(top.server(), 800, top.offeredDeliveriesPerSecond(), top.sent(), top.achievedSendRate(),
                        top.expected(), top.delivered(), top.deliveredPerSecond(), 0, 10, 20, 30, 9, 0, 97, "0", 1)));

        SuiteResults r = Fixtures.results(ladders);

        assertThat(Summary.perRung(r)).contains("| 800 msg/s ‡ |").contains("‡ the load generator used 85 %");
        assertThat(Summary.generator(r.fanout())).contains("Chatalot 40 % of its core at 800 msg/s (the server was "
                + "the limit)").contains("Helidon ceiling 97 % of its core at 800 msg/s (the generator was the limit");
    }

    @Test
    void aLoadedMachineIsFlagged() {
        SuiteResults quiet = Fixtures.results(Fixtures.ladders());

        assertThat(Summary.isLoaded("0.40 0.20 0.10", 2)).isFalse();
        assertThat(Summary.isLoaded("8.67 6.75 4.41", 2)).isTrue();
        assertThat(Summary.render(quiet, 2)).doesNotContain("was loaded").contains("images/fanout-p99.png")
                .contains("Prosody 0.12 skipped: not installed");
    }
}
