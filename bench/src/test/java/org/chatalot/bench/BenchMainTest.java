package org.chatalot.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.util.List;

import org.junit.jupiter.api.Test;

import picocli.CommandLine;

class BenchMainTest {

    @Test
    void allMeansEveryWorkloadButTheSoakAndSearch() {
        EnumSet<Workload> suite = EnumSet.complementOf(EnumSet.of(Workload.SOAK, Workload.SEARCH));
        assertThat(BenchMain.workloads(List.of("all"))).as("soak and search run only when named").isEqualTo(suite);
        assertThat(BenchMain.workloads(List.of())).isEqualTo(suite);
        assertThat(BenchMain.workloads(List.of("soak"))).containsExactly(Workload.SOAK);
        assertThat(BenchMain.workloads(List.of("search"))).containsExactly(Workload.SEARCH);
        assertThat(BenchMain.workloads(List.of("all", "soak", "search"))).isEqualTo(EnumSet.allOf(Workload.class));
    }

    @Test
    void partsAreChosenByName() {
        assertThat(BenchMain.workloads(List.of("fanout", "upload"))).containsExactly(Workload.FANOUT,
                Workload.UPLOAD);
    }

    @Test
    void unknownPartsAndServersAreRefused() {
        assertThatThrownBy(() -> BenchMain.workloads(List.of("fanout", "speed")))
                .isInstanceOf(CommandLine.ParameterException.class).hasMessageContaining("speed");
        assertThatThrownBy(() -> Fanout.displayName("matrix")).hasMessageContaining("expected chatalot");
    }

    @Test
    void theFullRunIsBoundedAndTheSmokeRunIsTiny() {
        Settings full = Settings.full();
        Settings smoke = Settings.smoke();

        double fanoutSeconds = full.ladder().size() * (full.rungSeconds() + full.drainSeconds())
                * full.servers().size();
        assertThat(fanoutSeconds).isLessThan(300);
        assertThat(full.members()).isEqualTo(50);
        assertThat(full.idleSockets()).isEqualTo(2000);
        assertThat(full.uploadBytes()).isEqualTo(100_000_000L);
        assertThat(smoke.servers()).doesNotContain(Settings.EJABBERD, Settings.PROSODY);
        assertThat(smoke.ladder().size() * smoke.rungSeconds()).isLessThan(5);
    }
}
