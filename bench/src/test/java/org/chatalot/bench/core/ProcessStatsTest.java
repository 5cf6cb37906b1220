package org.chatalot.bench.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProcessStatsTest {

    @Test
    void cpuTimeIsUserPlusSystemTicksEvenWhenTheCommandHasSpacesAndParentheses() {
        String stat = "4242 (beam (smp) x) S 1 4242 4242 0 -1 4194560 100 0 0 0 250 50 0 0 20 0 30 0 123 0 0";

        assertThat(ProcessStats.cpuNanosFromStat(stat)).isEqualTo(3_000_000_000L);
    }

    @Test
    void aBusyProcessHasCpuTimeAndMemory() {
        long spent = 0;
        for (int i = 0; i < 50_000_000; i++) {
            spent += i % 7;
        }

        assertThat(spent).isPositive();
        assertThat(ProcessStats.cpuNanos(ProcessHandle.current())).isPositive();
        assertThat(ProcessStats.rssBytes(ProcessHandle.current())).isGreaterThan(1 << 20);
    }
}
