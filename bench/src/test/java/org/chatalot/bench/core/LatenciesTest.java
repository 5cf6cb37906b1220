package org.chatalot.bench.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class LatenciesTest {

    @Test
    void percentilesUseTheNearestRank() {
        long[] sorted = new long[100];
        for (int i = 0; i < 100; i++) {
            sorted[i] = (i + 1) * 1_000_000L;
        }

        assertThat(Latencies.percentileMillis(sorted, 50)).isEqualTo(50.0);
        assertThat(Latencies.percentileMillis(sorted, 99)).isEqualTo(99.0);
        assertThat(Latencies.percentileMillis(sorted, 100)).isEqualTo(100.0);
    }

    @Test
    void noSamplesGiveNaN() {
        assertThat(Latencies.percentileMillis(new long[0], 99)).isNaN();
    }

    @Test
    void recordersMergeIntoOneSortedArrayAndGrowPastTheirFirstCapacity() {
        Latencies a = new Latencies();
        Latencies b = new Latencies();
        for (int i = 3000; i > 0; i--) {
            a.add(i);
        }
        b.add(0);

        long[] merged = Latencies.merged(List.of(a, b));

        assertThat(merged).hasSize(3001).startsWith(0, 1, 2).endsWith(3000);
    }

    @Test
    void clearForgetsSamples() {
        Latencies a = new Latencies();
        a.add(5);
        a.clear();

        assertThat(a.size()).isZero();
    }
}
