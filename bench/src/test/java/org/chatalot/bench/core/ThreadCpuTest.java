package org.chatalot.bench.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

class ThreadCpuTest {

    @Test
    void threadsAreGroupedByKindFromTheirNames() {
        assertThat(ThreadCpu.kind("argon2-3")).isEqualTo("argon2");
        assertThat(ThreadCpu.kind("ForkJoinPool-1-")).isEqualTo("carriers");
        assertThat(ThreadCpu.kind("C2 CompilerThre")).isEqualTo("JIT compiler");
        assertThat(ThreadCpu.kind("VM Thread")).isEqualTo("VM thread and collector");
        assertThat(ThreadCpu.kind("message-writer")).isEqualTo("message-writer");
        assertThat(ThreadCpu.kind("GC Thread#1")).isEqualTo("VM thread and collector");
        assertThat(ThreadCpu.kind("search-indexer-2")).isEqualTo("search-indexer");
    }

    @Test
    void aPhaseCountsTheCpuOfTheThreadsThatWorkedInItByKind() throws InterruptedException {
        assumeTrue(Files.isDirectory(Path.of("/proc/self/task")), "Linux only");
        ThreadCpu before = ThreadCpu.snapshot(ProcessHandle.current());
        AtomicReference<Map<String, ThreadCpu.Usage>> used = new AtomicReference<>();
        // The second snapshot is taken by the busy thread itself: one that has ended is no longer in /proc.
        Thread busy = new Thread(() -> {
            spinForHalfASecondOfCpu();
            used.set(ThreadCpu.snapshot(ProcessHandle.current()).since(before));
        }, "argon2-busy");
        busy.start();
        busy.join();

        assertThat(used.get()).containsKey("argon2");
        assertThat(used.get().get("argon2").cpuNanos()).isGreaterThanOrEqualTo(400_000_000L);
        assertThat(used.get().get("argon2").runs()).isPositive();
    }

    private static void spinForHalfASecondOfCpu() {
        var threads = ManagementFactory.getThreadMXBean();
        long start = threads.getCurrentThreadCpuTime();
        long spent = 0;
        while (threads.getCurrentThreadCpuTime() - start < 500_000_000L) {
            spent += System.nanoTime() % 7;
        }
        assertThat(spent).isPositive();
    }
}
