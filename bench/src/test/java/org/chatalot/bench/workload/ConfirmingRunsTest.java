package org.chatalot.bench.workload;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class ConfirmingRunsTest {

    private static Rung run(int rate, double p99, double loss) {
        long offered = rate * 49L;
        return new Rung("x", rate, offered, rate * 3L, rate, offered * 3, offered * 3, offered, loss, p99 / 3, p99,
                p99 * 2, 10, 0, 40, "0", 1);
    }

    @Test
    void aRungThatHeldIsRunOnce() {
        assertThat(FanoutBench.needsAnotherRun(List.of(run(200, 12, 0)))).isFalse();
        assertThat(FanoutBench.standing(List.of(run(200, 12, 0))).runs()).isEqualTo(1);
    }

    @Test
    void aRungThatFailedIsRunUntilItHasThreeRuns() {
        assertThat(FanoutBench.needsAnotherRun(List.of(run(1000, 60, 0)))).isTrue();
        assertThat(FanoutBench.needsAnotherRun(List.of(run(1000, 60, 0), run(1000, 20, 0)))).isTrue();
        assertThat(FanoutBench.needsAnotherRun(List.of(run(1000, 60, 0), run(1000, 20, 0), run(1000, 70, 0))))
                .isFalse();
    }

    @Test
    void aRungFarPastCapacityIsConfirmedToo() {
        assertThat(FanoutBench.needsAnotherRun(List.of(run(5000, 1500, 0)))).isTrue();
        assertThat(FanoutBench.needsAnotherRun(List.of(run(5000, 30, 8)))).isTrue();
        Rung stall = FanoutBench.standing(List.of(run(400, 1100, 0), run(400, 2, 0), run(400, 3, 0)));
        assertThat(stall.isPastCapacity()).isFalse();
        assertThat(stall.isSustained()).isTrue();
    }

    @Test
    void theMedianRunStandsForTheRung() {
        Rung held = FanoutBench.standing(List.of(run(1000, 60, 0), run(1000, 20, 0), run(1000, 30, 0)));
        assertThat(held.p99Ms()).isEqualTo(30);
        assertThat(held.isSustained()).isTrue();
        assertThat(held.runs()).isEqualTo(3);
        assertThat(held.summary()).endsWith("the median of 3 runs");

        Rung failed = FanoutBench.standing(List.of(run(1000, 60, 0), run(1000, 20, 0), run(1000, 70, 0)));
        assertThat(failed.p99Ms()).isEqualTo(60);
        assertThat(failed.isSustained()).isFalse();
    }

    @Test
    void theWarmUpRunsAtTheHighestLadderRateEveryServerSustains() {
        assertThat(FanoutBench.warmUpRate(List.of(20, 100, 200, 400, 1000))).isEqualTo(200);
        assertThat(FanoutBench.warmUpRate(List.of(20, 50))).isEqualTo(50);
        assertThat(FanoutBench.warmUpRate(List.of(500, 1000))).isEqualTo(500);
    }
}
