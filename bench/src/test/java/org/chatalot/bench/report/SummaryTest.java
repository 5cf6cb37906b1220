package org.chatalot.bench.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

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
    void aLoadedMachineIsFlagged() {
        SuiteResults quiet = Fixtures.results(Fixtures.ladders());

        assertThat(Summary.isLoaded("0.40 0.20 0.10", 2)).isFalse();
        assertThat(Summary.isLoaded("8.67 6.75 4.41", 2)).isTrue();
        assertThat(Summary.render(quiet, 2)).doesNotContain("was loaded").contains("images/fanout-p99.png")
                .contains("Prosody 0.12 skipped: not installed");
    }
}
