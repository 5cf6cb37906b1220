package org.chatalot.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;

import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;
import org.junit.jupiter.api.Test;

import org.chatalot.server.config.ServerConfig;
import org.chatalot.server.error.Unavailable;

class PasswordHasherTest {
    private static final ServerConfig.Argon2 MINIMUM = new ServerConfig.Argon2(19_456, 2, 1);

    @Test
    void hashesAreArgon2idPhcStringsThatVerify() {
        try (PasswordHasher hasher = new PasswordHasher(MINIMUM, 1, 4)) {
            String hash = hasher.hash("correct horse battery staple");

            assertThat(hash).matches("\\$argon2id\\$v=19\\$m=19456,t=2,p=1\\$[A-Za-z0-9+/]{22}\\$[A-Za-z0-9+/]{43}");
            assertThat(hasher.verify("correct horse battery staple", hash)).isTrue();
            assertThat(hasher.verify("correct horse battery stapl", hash)).isFalse();
            assertThat(hasher.hash("correct horse battery staple")).as("salted").isNotEqualTo(hash);
            assertThat(hasher.verify("x", "not a hash")).isFalse();
        }
    }

    @Test
    void unicodeIsNormalisedSoTheSamePasswordTypedDifferentlyMatches() {
        try (PasswordHasher hasher = new PasswordHasher(MINIMUM, 1, 4)) {
            String composed = "caf\u00e9 au lait tonight";
            String decomposed = "cafe\u0301 au lait tonight";

            assertThat(hasher.verify(decomposed, hasher.hash(composed))).isTrue();
        }
    }

    @Test
    void hashesMadeWithOtherCostNeedRehash() {
        try (PasswordHasher old = new PasswordHasher(MINIMUM, 1, 4);
             PasswordHasher current = new PasswordHasher(new ServerConfig.Argon2(19_456, 3, 1), 1, 4)) {
            String legacy = old.hash("a perfectly fine password");

            assertThat(current.needsRehash(legacy)).isTrue();
            assertThat(current.verify("a perfectly fine password", legacy)).as("old hashes still verify").isTrue();
            assertThat(current.needsRehash(current.hash("a perfectly fine password"))).isFalse();
        }
    }

    @Test
    void aFullQueueIsRefusedAtOnceWith503() throws Exception {
        try (PasswordHasher hasher = new PasswordHasher(new ServerConfig.Argon2(262_144, 4, 1), 1, 1)) {
            var threads = Executors.newFixedThreadPool(6);
            List<CompletableFuture<String>> storm = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                storm.add(CompletableFuture.supplyAsync(() -> hasher.hash("pw " + Math.random()), threads));
            }
            long refused = storm.stream().filter(f -> {
                try {
                    f.get();
                    return false;
                } catch (ExecutionException | InterruptedException e) {
                    return e.getCause() instanceof Unavailable;
                }
            }).count();

            threads.shutdown();

            // one hashing, one queued: at least the other four were turned away instead of waiting
            assertThat(refused).isGreaterThanOrEqualTo(4);
        }
    }

    @Test
    void anUnknownUsernameCostsAsMuchAsAWrongPasswordSoTimingDoesNotTellWhichExist() {
        try (PasswordHasher hasher = new PasswordHasher(MINIMUM, 1, 4)) {
            String stored = hasher.hash("the right password");
            hasher.verifyNothing("warm-up");
            hasher.verify("warm-up", stored);
            List<Long> unknown = new ArrayList<>();
            List<Long> wrong = new ArrayList<>();
            for (int i = 0; i < 7; i++) {
                long start = hashingCpuNanos();
                hasher.verifyNothing("a guess " + i);
                unknown.add(hashingCpuNanos() - start);
                start = hashingCpuNanos();
                assertThat(hasher.verify("a guess " + i, stored)).isFalse();
                wrong.add(hashingCpuNanos() - start);
            }

            // Same work (one hash at the same cost), so the medians are close; a shortcut would be ~100x apart.
            // Counted in the hashing thread's CPU time, not wall time, which a busy machine stretches at random.
            assertThat(median(wrong)).isPositive();
            assertThat((double) median(unknown) / median(wrong)).isBetween(0.5, 2.0);
        }
    }

    @Test
    void hashesRepeatedOnOneThreadReuseItsMemoryAndMatchAFreshComputationAndAnIdleThreadLetsItGo()
            throws Exception {
        try (PasswordHasher hasher = new PasswordHasher(MINIMUM, 1, 4, 2)) {
            assertThat(hasher.keepsArgon2Memory()).as("this test JVM's heap is large enough").isTrue();
            List<String> stored = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                stored.add(hasher.hash("password " + i));
            }
            for (int i = 0; i < 4; i++) {
                assertThat(hasher.verify("password " + i, stored.get(i))).isTrue();
                assertThat(hasher.verify("password " + (i + 1), stored.get(i))).isFalse();
            }
            // The same hash computed by BouncyCastle with memory of its own, after the pool was used 12 times.
            String fresh = freshlyComputed("password 0", stored.get(0));
            assertThat(freshlyComputed("password 3", stored.get(3))).isEqualTo(stored.get(3));
            assertThat(hasher.verify("password 0", fresh)).isTrue();
            // Read right after a hash: the thread has not been idle for its 2 s yet (on a busy machine the two
            // fresh computations above can take longer than that, so they come first).
            assertThat(hasher.threadsAlive()).isEqualTo(1);

            long deadline = System.nanoTime() + 10_000_000_000L;
            while (hasher.threadsAlive() > 0 && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertThat(hasher.threadsAlive()).as("the idle hashing thread ended, with its memory").isZero();
            assertThat(hasher.verify("password 2", stored.get(2))).as("and a new one starts on demand").isTrue();
        }
    }

    /** CPU time spent so far by the hashing pools' threads of this JVM (idle ones add nothing). */
    private static long hashingCpuNanos() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().startsWith("argon2-"))
                .mapToLong(t -> Math.max(0, threads.getThreadCpuTime(t.threadId()))).sum();
    }

    /** Recomputes a PHC string's hash with a fresh BouncyCastle generator (no block pool), same salt and cost. */
    private static String freshlyComputed(String password, String phc) {
        String[] parts = phc.split("\\$");
        String[] cost = parts[3].split(",");
        byte[] salt = Base64.getDecoder().decode(parts[4]);
        var generator = new Argon2BytesGenerator();
        generator.init(new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withMemoryAsKB(Integer.parseInt(cost[0].substring(2)))
                .withIterations(Integer.parseInt(cost[1].substring(2)))
                .withParallelism(Integer.parseInt(cost[2].substring(2)))
                .withSalt(salt)
                .build());
        byte[] hash = new byte[32];
        generator.generateBytes(password.getBytes(StandardCharsets.UTF_8), hash);
        return "$" + parts[1] + "$" + parts[2] + "$" + parts[3] + "$" + parts[4] + "$"
                + Base64.getEncoder().withoutPadding().encodeToString(hash);
    }

    @Test
    void argon2MemoryIsKeptBetweenHashesOnlyWhereItIsAtMostAQuarterOfTheHeap() {
        ServerConfig.Argon2 production = new ServerConfig.Argon2(65_536, 3, 4);
        long mib = 1024 * 1024;

        assertThat(PasswordHasher.keepsMemory(production, 2, 512 * mib)).as("the systemd unit's heap").isTrue();
        assertThat(PasswordHasher.keepsMemory(production, 4, 512 * mib)).isFalse();
        assertThat(PasswordHasher.keepsMemory(MINIMUM, 2, 48 * mib)).as("a small heap").isFalse();
    }

    private static long median(List<Long> values) {
        return values.stream().sorted().toList().get(values.size() / 2);
    }
}
