package org.chatalot.bench.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.chatalot.bench.workload.Rung;

class LaddersTest {

    @Test
    void capacityIsTheHighestRungWithinTheLatencyBoundAndWithoutLoss() {
        var ladders = Fixtures.ladders();

        assertThat(Ladders.capacity(ladders.get(SuiteResults.OURS))).isEqualTo(400 * 49.0);
        assertThat(Ladders.capacity(ladders.get(SuiteResults.CEILING))).isEqualTo(800 * 49.0);
        assertThat(Ladders.capacity(ladders.get(SuiteResults.EJABBERD))).isEqualTo(100 * 49.0);
    }

    @Test
    void aRungThatHeldAboveOneThatDidNotIsNotCapacity() {
        List<Rung> ladder = List.of(Fixtures.rung("x", 100, 0, 5, 40), Fixtures.rung("x", 400, 0, 30, 30),
                Fixtures.rung("x", 1000, 0, 60, 20), Fixtures.rung("x", 5000, 0, 40, 5));

        assertThat(Ladders.capacity(ladder)).isEqualTo(400 * 49.0);
        assertThat(Ladders.commonSustainedRate(List.of(ladder))).hasValue(400);
        assertThat(Ladders.capacity(List.of(Fixtures.rung("x", 20, 0, 80, 1), Fixtures.rung("x", 100, 0, 5, 1))))
                .isZero();
    }

    @Test
    void aLadderWithNoSustainedRungHasNoCapacity() {
        assertThat(Ladders.capacity(List.of(Fixtures.rung("x", 20, 0, 80, 1)))).isZero();
        assertThat(Ladders.capacity(List.of(Fixtures.rung("x", 20, 2, 10, 1)))).isZero();
    }

    @Test
    void theCommonRateIsTheHighestEveryLadderSustained() {
        var ladders = Fixtures.ladders();

        assertThat(Ladders.commonSustainedRate(ladders.values())).hasValue(100);
        assertThat(Ladders.commonSustainedRate(List.of(ladders.get(SuiteResults.OURS),
                ladders.get(SuiteResults.CEILING)))).hasValue(400);
        assertThat(Ladders.cpuAt(ladders.get(SuiteResults.OURS), 400)).hasValue(30);
    }
}
