package org.chatalot.server.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.text.Normalizer;
import java.util.Base64;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

import org.chatalot.server.config.ServerConfig;
import org.chatalot.server.error.Unavailable;

/**
 * Argon2id password hashes in PHC string form ({@code $argon2id$v=19$m=…,t=…,p=…$salt$hash}).
 * Hashing is deliberately expensive, so it runs on a small fixed pool (one thread per core) with a bounded
 * queue: a login storm waits its turn instead of starving chat traffic, and when the queue is full the
 * server answers 503 at once rather than piling up work.
 */
public final class PasswordHasher implements AutoCloseable {
    private static final Pattern PHC = Pattern.compile(
            "\\$argon2id\\$v=19\\$m=(\\d+),t=(\\d+),p=(\\d+)\\$([A-Za-z0-9+/]+)\\$([A-Za-z0-9+/]+)");
    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;
    static final int IDLE_THREAD_SECONDS = 60;

    private final ServerConfig.Argon2 cost;
    private final ThreadPoolExecutor pool;
    /**
     * Each hashing thread keeps its Argon2 memory (64 MiB at the default cost) from one hash to the next:
     * allocated afresh for every hash, the blocks filled the young generation and were copied while live,
     * pausing chat for tens of milliseconds during a login storm. Only where that memory is at most a
     * quarter of the heap (512 MiB holds it for two threads); in a smaller heap holding it would starve
     * everything else. A thread idle for {@link #IDLE_THREAD_SECONDS} ends and its memory goes with it.
     * Null when hashes allocate their own memory.
     */
    private final Argon2Memory blocks;
    private final SecureRandom random = new SecureRandom();

    public PasswordHasher(ServerConfig.Argon2 cost, int threads, int queueCapacity) {
        this(cost, threads, queueCapacity, IDLE_THREAD_SECONDS);
    }

    PasswordHasher(ServerConfig.Argon2 cost, int threads, int queueCapacity, int idleThreadSeconds) {
        this.cost = cost;
        this.blocks = keepsMemory(cost, threads, Runtime.getRuntime().maxMemory()) ? new Argon2Memory(cost) : null;
        AtomicInteger counter = new AtomicInteger();
        this.pool = new ThreadPoolExecutor(threads, threads, idleThreadSeconds, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(queueCapacity), task -> {
                    Thread thread = new Thread(task, "argon2-" + counter.incrementAndGet());
                    thread.setDaemon(true);
                    // Java's lowest priority, which the launchers map to nice 10 (server-jvm.sh): on a small box a
                    // login storm's hashes then yield the core to chat instead of taking turns with it.
                    thread.setPriority(Thread.MIN_PRIORITY);
                    return thread;
                }, new ThreadPoolExecutor.AbortPolicy());
        pool.allowCoreThreadTimeOut(true);
    }

    /**
     * A hashing thread's Argon2 memory, made at its first hash. A class of its own rather than a lambda so that
     * nothing of BouncyCastle is loaded before the first hash: its jar is signed, so loading from it means
     * checking the signature of the whole jar (a few hundred milliseconds of start-up on a small box), and
     * the start-up cache cannot hold classes from signed jars. Its values are typed Object for the same reason:
     * checking that a method returns the declared BlockPool would make the verifier load that interface.
     */
    private static final class Argon2Memory extends ThreadLocal<Object> {
        private final ServerConfig.Argon2 cost;

        Argon2Memory(ServerConfig.Argon2 cost) {
            this.cost = cost;
        }

        @Override
        protected Object initialValue() {
            return new Argon2BytesGenerator.FixedBlockPool(Argon2BytesGenerator.getBlockCount(cost.memoryKib(),
                    cost.parallelism()));
        }
    }

    /** Whether hashing threads keep their Argon2 memory: only when all of it is at most a quarter of the heap. */
    static boolean keepsMemory(ServerConfig.Argon2 cost, int threads, long maxHeapBytes) {
        return (long) cost.memoryKib() * 1024 * threads <= maxHeapBytes / 4;
    }

    /** Pool sized to the machine: one hashing thread per core, a queue of 32 per thread. */
    public static PasswordHasher forMachine(ServerConfig.Argon2 cost) {
        int cores = Runtime.getRuntime().availableProcessors();
        return new PasswordHasher(cost, cores, 32 * cores);
    }

    public String hash(String password) {
        byte[] salt = randomSalt();
        return run(() -> compute(password, salt, cost));
    }

    /** Checks a password against a stored hash in constant time. */
    public boolean verify(String password, String storedHash) {
        Matcher phc = PHC.matcher(storedHash == null ? "" : storedHash);
        if (!phc.matches()) {
            return false;
        }
        ServerConfig.Argon2 stored = new ServerConfig.Argon2(Integer.parseInt(phc.group(1)),
                Integer.parseInt(phc.group(2)), Integer.parseInt(phc.group(3)));
        byte[] salt = Base64.getDecoder().decode(phc.group(4));
        String computed = run(() -> compute(password, salt, stored));
        return MessageDigest.isEqual(computed.getBytes(StandardCharsets.US_ASCII),
                storedHash.getBytes(StandardCharsets.US_ASCII));
    }

    /**
     * Spends the same effort as a real check, for usernames that do not exist (no timing oracle): one hash
     * at today's cost, queued on the same pool, whose result is thrown away. Nothing is precomputed, so
     * start-up does no hashing.
     */
    public void verifyNothing(String password) {
        byte[] salt = randomSalt();
        run(() -> compute(password == null ? "" : password, salt, cost));
    }

    /** True when a hash was made with other cost parameters than today's (rehash at next login). */
    public boolean needsRehash(String storedHash) {
        Matcher phc = PHC.matcher(storedHash == null ? "" : storedHash);
        return !phc.matches() || Integer.parseInt(phc.group(1)) != cost.memoryKib()
                || Integer.parseInt(phc.group(2)) != cost.iterations()
                || Integer.parseInt(phc.group(3)) != cost.parallelism();
    }

    public int queued() {
        return pool.getQueue().size();
    }

    boolean keepsArgon2Memory() {
        return blocks != null;
    }

    /** Hashing threads alive now (each holding its Argon2 memory). */
    int threadsAlive() {
        return pool.getPoolSize();
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }

    private <T> T run(Callable<T> task) {
        try {
            return await(pool.submit(task));
        } catch (RejectedExecutionException e) {
            throw new Unavailable("the server is busy checking passwords; try again in a moment", 1);
        }
    }

    private static <T> T await(Future<T> result) {
        try {
            return result.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Unavailable("interrupted while checking the password", 1);
        } catch (ExecutionException e) {
            throw new IllegalStateException("password hashing failed", e.getCause());
        }
    }

    private byte[] randomSalt() {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        return salt;
    }

    private String compute(String password, byte[] salt, ServerConfig.Argon2 cost) {
        Argon2Parameters.Builder builder = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id);
        if (blocks != null) {
            builder.withBlockPool((Argon2BytesGenerator.BlockPool) blocks.get());
        }
        Argon2Parameters parameters = builder
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withMemoryAsKB(cost.memoryKib())
                .withIterations(cost.iterations())
                .withParallelism(cost.parallelism())
                .withSalt(salt)
                .build();
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(parameters);
        byte[] hash = new byte[HASH_BYTES];
        byte[] secret = Normalizer.normalize(password, Normalizer.Form.NFC).getBytes(StandardCharsets.UTF_8);
        generator.generateBytes(secret, hash);
        Base64.Encoder b64 = Base64.getEncoder().withoutPadding();
        return "$argon2id$v=19$m=" + cost.memoryKib() + ",t=" + cost.iterations() + ",p=" + cost.parallelism()
                + "$" + b64.encodeToString(salt) + "$" + b64.encodeToString(hash);
    }
}
