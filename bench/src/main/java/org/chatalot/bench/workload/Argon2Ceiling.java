package org.chatalot.bench.workload;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;

import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * The most password checks one core can do: Argon2id with the server's default cost (64 MiB, t=3, p=4), the
 * same BouncyCastle code the server uses, one thread, nothing else. W4 compares the server's logins per
 * second on its one core against this. Like the server's hashing threads, it keeps its Argon2 memory from one
 * hash to the next: allocated afresh, 64 MiB a hash is work for the collector, which the thread's CPU time
 * would not show.
 */
public final class Argon2Ceiling {
    public static final int MEMORY_KIB = 65536;
    public static final int ITERATIONS = 3;
    public static final int PARALLELISM = 4;

    private Argon2Ceiling() {
    }

    /**
     * Hashes per second of this thread's CPU time, over {@code hashes} hashes after two for warm-up, stopping
     * early after {@code maxSeconds}. CPU time rather than wall time, so that other work on a shared machine
     * does not lower the ceiling: it is what one core could do.
     */
    public static double hashesPerCpuSecond(int hashes, double maxSeconds) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        var memory = new Argon2BytesGenerator.FixedBlockPool(Argon2BytesGenerator.getBlockCount(MEMORY_KIB,
                PARALLELISM));
        hash(-1, memory);
        hash(-2, memory);
        long deadline = System.nanoTime() + (long) (maxSeconds * 1e9);
        long cpuStart = threads.getCurrentThreadCpuTime();
        int n = 0;
        do {
            hash(n++, memory);
        } while (n < hashes && System.nanoTime() < deadline);
        return n / ((threads.getCurrentThreadCpuTime() - cpuStart) / 1e9);
    }

    private static void hash(int n, Argon2BytesGenerator.BlockPool memory) {
        Argon2Parameters parameters = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id).withBlockPool(memory)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13).withMemoryAsKB(MEMORY_KIB)
                .withIterations(ITERATIONS).withParallelism(PARALLELISM)
                .withSalt(("benchmark salt " + n).getBytes(StandardCharsets.US_ASCII)).build();
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(parameters);
        byte[] out = new byte[32];
        generator.generateBytes("benchmark passphrase 2026".getBytes(StandardCharsets.UTF_8), out);
    }
}
