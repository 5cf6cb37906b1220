package org.chatalot.bench.workload;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class IdleSocketsBenchTest {

    @Test
    void liveBytesAreTheTotalWithoutTheCollectorsFiller() {
        String histogram = """
                12345:
                 num     #instances         #bytes  class name (module)
                -------------------------------------------------------
                   1:         43157        3954928  [B (java.base@25.0.3)
                   2:         40611         974664  java.lang.String (java.base@25.0.3)
                   7:          2979         508488  [Ljdk.internal.vm.FillerElement; (java.base@25.0.3)
                 812:             1             16  jdk.internal.vm.FillerObject (java.base@25.0.3)
                Total        205143       13171616
                """;

        assertThat(IdleSocketsBench.liveBytes(histogram)).isEqualTo(13171616L - 508488 - 16);
    }

    @Test
    void aHistogramWithoutItsTotalGivesNoFigure() {
        assertThat(IdleSocketsBench.liveBytes("12345:\nCould not open socket file\n")).isZero();
    }
}
