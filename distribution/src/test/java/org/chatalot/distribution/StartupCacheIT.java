package org.chatalot.distribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.chatalot.testing.FreePorts;
import org.chatalot.testing.TempDirs;
import org.chatalot.testing.ToolResult;

/**
 * The release's bin/chatalot (what the systemd units start) with its start-up cache: made once by a training run on
 * JDK 25+, mapped afterwards, made again when stale, and never in the way: a damaged cache or an older JDK still
 * starts the server. Also the default heap and collector, JAVA_OPTS after them, and the JIT compilers' lower
 * priority.
 */
class StartupCacheIT {
    private static final String PREPARING = "preparing the start-up cache";
    private Path root;
    private Path cache;
    private Map<String, String> environment;
    private int port;
    private List<String> commandLine = List.of();
    private Map<String, Integer> threadNices = Map.of();

    @BeforeEach
    void setUp() {
        root = TempDirs.create("chatalot-startup-cache-");
        cache = root.resolve("cache");
        port = FreePorts.next();
        environment = new HashMap<>(Map.of("DATA_DIR", root.resolve("data").toString(),
                "LISTEN_ADDR", "127.0.0.1:" + port, "LOCAL_ADMIN_ADDR", "off",
                "CHATALOT_CACHE_DIR", cache.toString(), "CHATALOT_ENV_FILE", root.resolve("no-env-file").toString(),
                "JAVA_HOME", System.getProperty("java.home")));
    }

    @AfterEach
    void tearDown() {
        TempDirs.deleteRecursively(root);
    }

    @Test
    void theFirstStartMakesTheCacheLaterStartsMapItAndAStaleOneIsMadeAgain() throws Exception {
        assumeTrue(Runtime.version().feature() >= 25, "the ahead-of-time cache needs JDK 25");

        String first = startAnswerAndStop("first");
        assertThat(first).contains(PREPARING);
        assertThat(cache.resolve("server.aot")).isNotEmptyFile();
        assertThat(cache.resolve("server.aot.stamp")).isNotEmptyFile();

        String second = startAnswerAndStop("second");
        assertThat(second).doesNotContain(PREPARING);
        assertThat(lastCommandLine()).contains("-XX:AOTCache=" + cache.resolve("server.aot"));

        Files.writeString(cache.resolve("server.aot.stamp"), "another JDK or jar\n");
        assertThat(startAnswerAndStop("stale")).contains(PREPARING);
        assertThat(Files.readString(cache.resolve("server.aot.stamp"))).doesNotContain("another JDK or jar");
    }

    @Test
    void aDamagedCacheWithAMatchingStampStillStartsTheServer() throws Exception {
        assumeTrue(Runtime.version().feature() >= 25, "the ahead-of-time cache needs JDK 25");
        startAnswerAndStop("first");
        byte[] junk = new byte[4096];
        Arrays.fill(junk, (byte) 0x5a);
        Files.write(cache.resolve("server.aot"), junk);

        String damaged = startAnswerAndStop("damaged");

        assertThat(damaged).doesNotContain(PREPARING);
        assertThat(lastCommandLine()).contains("-XX:AOTCache=" + cache.resolve("server.aot"));
    }

    @Test
    void theDefaultHeapComesFirstAndJavaOptsWinsAfterIt() throws Exception {
        environment.put("CHATALOT_STARTUP_CACHE", "off");
        environment.put("JAVA_OPTS", "-Xmx300m");

        startAnswerAndStop("heap");

        List<String> command = lastCommandLine();
        assertThat(command).containsSubsequence("-Xmx512m", "-XX:+UseSerialGC", "-Xmx300m", "-jar");
        assertThat(command).noneMatch(option -> option.startsWith("-XX:AOTCache")
                || option.startsWith("-XX:SharedArchiveFile"));
    }

    /** A collector named in JAVA_OPTS replaces the serial one: two would stop the JVM. */
    @Test
    void aCollectorInJavaOptsReplacesTheSerialOne() throws Exception {
        environment.put("CHATALOT_STARTUP_CACHE", "off");
        environment.put("JAVA_OPTS", "-Xmx300m -XX:+UseG1GC");

        startAnswerAndStop("collector");

        assertThat(lastCommandLine()).containsSubsequence("-Xmx512m", "-XX:+UseG1GC", "-jar")
                .doesNotContain("-XX:+UseSerialGC");
    }

    /**
     * The JIT compilers' threads and the password hashing threads at nice 10, every other thread at one nice value
     * below it (without the priority mapping, the JVM would give its own threads several, some of them below 0
     * when it may). A login for a user that does not exist still hashes (no timing oracle), so the server has a
     * hashing thread when the nice values are read.
     */
    @Test
    void theJitCompilersAndPasswordHashingRunAtNiceTenAndEveryOtherThreadAtOneHigherPriority() throws Exception {
        assumeTrue(ownNice() < 10, "this test runs at nice " + ownNice() + ", where nice 10 is no lower");
        environment.put("CHATALOT_STARTUP_CACHE", "off");

        startAnswerAndStop("priorities", () -> assertThat(Programs.post(port, "/api/auth/login",
                "{\"username\":\"nobody\",\"password\":\"not a password\"}").statusCode())
                .as("a login for a user that does not exist").isEqualTo(401));

        Map<Boolean, List<Integer>> nices = threadNices.entrySet().stream().collect(Collectors.partitioningBy(
                thread -> thread.getKey().contains("CompilerThre") || thread.getKey().startsWith("argon2-"),
                Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
        assertThat(threadNices.keySet()).as("the server's threads").anyMatch(thread -> thread.startsWith("argon2-"));
        assertThat(nices.get(true)).as(threadNices.toString()).isNotEmpty().containsOnly(10);
        assertThat(nices.get(false)).as(threadNices.toString()).hasSizeGreaterThan(10)
                .containsOnly(nices.get(false).getFirst()).allMatch(nice -> nice < 10);
    }

    /** JDK 21 to 24 get the class-data-sharing archive instead; no ahead-of-time option reaches a JVM before 25. */
    @Test
    void aJdkBefore25GetsTheClassDataSharingArchiveAndNoAheadOfTimeOption() {
        String script = ". '" + Programs.RELEASE_DIR.resolve("bin/server-jvm.sh") + "' && server_jvm_options "
                + "/nowhere/bin/java 21 /nowhere/chatalot-server.jar '" + cache + "' && printf '%s\\n' "
                + "\"${SERVER_JVM_OPTIONS[@]}\"";

        ToolResult options = Programs.run(Map.of(), "bash", "-c", script);

        assertThat(options.exitCode()).as(options.output()).isZero();
        assertThat(options.output().lines()).contains("-Xmx512m", "-XX:+AutoCreateSharedArchive",
                "-XX:SharedArchiveFile=" + cache.resolve("server-jdk21.jsa"));
        assertThat(options.output()).doesNotContain("AOT");
    }

    private List<String> lastCommandLine() {
        return commandLine;
    }

    /** The nice value of this test's thread, which the launcher and so the server inherit. */
    private static int ownNice() throws IOException {
        return niceOf(Path.of("/proc/thread-self/stat"));
    }

    /** Field 19 of /proc/…/stat, counted after the thread's name, which may hold spaces and ends at the last ')'. */
    private static int niceOf(Path stat) throws IOException {
        String line = Files.readString(stat);
        return Integer.parseInt(line.substring(line.lastIndexOf(')') + 2).split(" ")[16]);
    }

    /** Every thread of a process: its name with its id (names repeat) and its nice value. */
    private static Map<String, Integer> threadNices(long pid) throws IOException {
        Map<String, Integer> nices = new TreeMap<>();
        try (Stream<Path> tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
            for (Path task : tasks.toList()) {
                try {
                    nices.put(Files.readString(task.resolve("comm")).strip() + " #" + task.getFileName(),
                            niceOf(task.resolve("stat")));
                } catch (NoSuchFileException ended) {
                    // a thread that ended while the list was read
                }
            }
        }
        return nices;
    }

    private String startAnswerAndStop(String name) throws Exception {
        return startAnswerAndStop(name, () -> null);
    }

    /** Starts bin/chatalot, checks its health, does {@code whileRunning}, reads its threads and stops it. */
    private String startAnswerAndStop(String name, Callable<?> whileRunning) throws Exception {
        Path log = root.resolve(name + ".log");
        try (Programs.Background server = Programs.start(environment, log,
                Programs.RELEASE_DIR.resolve("bin/chatalot").toString())) {
            server.awaitOutput("Chatalot is running", Duration.ofMinutes(4));
            HttpResponse<String> health = Programs.get(port, "/api/health");
            assertThat(health.statusCode()).as(server.printed()).isEqualTo(200);
            whileRunning.call();
            // the launcher replaced itself with the JVM (exec), so this is the JVM's command line
            commandLine = List.of(new String(Files.readAllBytes(Path.of("/proc", Long.toString(server.process().pid()),
                    "cmdline")), StandardCharsets.UTF_8).split("\0"));
            threadNices = threadNices(server.process().pid());
            server.terminate(Duration.ofMinutes(1));
            return server.printed();
        }
    }
}
