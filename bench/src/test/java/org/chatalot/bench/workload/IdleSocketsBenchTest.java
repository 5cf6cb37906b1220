package org.chatalot.bench.workload;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class IdleSocketsBenchTest {

    @Test
    void serialHeapIsTheSumOfItsGenerationsWithoutMetaspace() {
        String serial = """
                 def new generation   total 4928K, used 0K [0x00000000e0000000, 0x00000000e0550000)
                  eden space 4416K,   0% used [0x00000000e0000000, 0x00000000e0450000)
                 tenured generation   total 10944K, used 6144K [0x00000000eaaa0000, 0x00000000eb550000)
                 Metaspace       used 43597K, committed 44096K, reserved 1114112K
                  class space    used 5012K, committed 5248K, reserved 1048576K
                """;

        assertThat(IdleSocketsBench.heapUsedKb(serial)).isEqualTo(6144);
    }

    @Test
    void g1HeapIsItsOneFigure() {
        String g1 = """
                 garbage-first heap   total reserved 524288K, committed 65536K, used 30195K [0x00000000e0000000)
                  region size 1024K, 3 young (3072K), 0 survivors (0K)
                 Metaspace       used 43597K, committed 44096K, reserved 1114112K
                """;

        assertThat(IdleSocketsBench.heapUsedKb(g1)).isEqualTo(30195);
    }
}
