package org.chatalot.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.chatalot.bench.ceiling.CeilingProcess;
import org.chatalot.bench.chatalot.ServerLaunch;
import org.chatalot.bench.chatalot.ServerProcess;
import org.chatalot.bench.core.Machine;
import org.chatalot.bench.report.SuiteResults;
import org.chatalot.bench.workload.Argon2Ceiling;
import org.chatalot.bench.workload.ColdStartBench;
import org.chatalot.bench.workload.H2WriteBench;
import org.chatalot.bench.workload.IdleSocketsBench;
import org.chatalot.bench.workload.LatencyBench;
import org.chatalot.bench.workload.LoginStormBench;
import org.chatalot.bench.workload.Rung;
import org.chatalot.bench.workload.StorageSoak;
import org.chatalot.bench.workload.UploadBench;
import org.chatalot.bench.workload.WritePathBench;

/**
 * Runs the chosen workloads, each against fresh server processes, and collects one {@link SuiteResults}.
 * A workload that fails is recorded as skipped with its reason, so one broken part never hides the others.
 */
public final class Suite {
    private final Settings settings;
    private final ServerLaunch launch;
    private final Path work;
    private final Map<String, String> skipped = new LinkedHashMap<>();

    public Suite(Settings settings, ServerLaunch launch) throws IOException {
        this.settings = settings;
        this.launch = launch;
        this.work = Files.createTempDirectory("chatalot-bench-");
    }

    public SuiteResults run(Set<Workload> which) {
        String machine = Machine.describe();
        String loadAtStart = Machine.loadAverage();
        long start = System.nanoTime();
        Set<Workload> chosen = EnumSet.copyOf(which);
        List<H2WriteBench.Result> h2 = attempt(chosen, Workload.WRITES, "h2", this::h2);
        WritePathBench.Result writes = attempt(chosen, Workload.WRITES, "writes", this::writePath);
        List<ColdStartBench.Result> cold = attempt(chosen, Workload.COLDSTART, "coldstart", this::coldStart);
        List<IdleSocketsBench.Result> idle = attempt(chosen, Workload.IDLE, "idle", this::idle);
        Map<String, List<Rung>> fanout = chosen.contains(Workload.FANOUT) ? new Fanout(settings, launch, work,
                skipped).run() : Map.of();
        List<LatencyBench.Result> latency = attempt(chosen, Workload.LATENCY, "latency", this::latency);
        LoginStormBench.Result logins = attempt(chosen, Workload.LOGINS, "logins", this::logins);
        UploadBench.Result upload = attempt(chosen, Workload.UPLOAD, "upload", this::upload);
        StorageSoak.Result soak = attempt(chosen, Workload.SOAK, "soak", this::soak);
        return new SuiteResults(machine, loadAtStart, Machine.loadAverage(), (System.nanoTime() - start) / 1e9,
                settings.members(), fanout, latency, idle, logins, upload, cold, writes, h2, soak,
                Map.copyOf(skipped));
    }

    public Map<String, String> skipped() {
        return skipped;
    }

    private interface Part<T> {
        T run() throws Exception;
    }

    private <T> T attempt(Set<Workload> chosen, Workload workload, String name, Part<T> part) {
        if (!chosen.contains(workload)) {
            return null;
        }
        try {
            return part.run();
        } catch (Exception | AssertionError e) {
            System.out.println("  " + name + " FAILED: " + e);
            skipped.put(name, "failed: " + e);
            return null;
        }
    }

    private ServerProcess ours(Map<String, String> env) throws Exception {
        return ServerProcess.start(launch, work, env, ServerProcess.jvmOptions());
    }

    private List<H2WriteBench.Result> h2() throws Exception {
        System.out.println("W7 H2 commit cost, " + Machine.describe());
        H2WriteBench bench = new H2WriteBench();
        double s = settings.h2Seconds();
        return List.of(bench.run(work, "H2 default (background writes)", "", 1, s),
                bench.run(work, "WRITE_DELAY=0 (durable)", ";WRITE_DELAY=0", 1, s),
                bench.run(work, "WRITE_DELAY=0, group commit", ";WRITE_DELAY=0", 64, s));
    }

    private WritePathBench.Result writePath() throws Exception {
        System.out.println("W7 write path through the server, " + Machine.describe());
        try (ServerProcess server = ours(ServerProcess.FAST_SETUP)) {
            return new WritePathBench(settings.writers(), settings.writeWindow(), settings.writeSeconds(),
                    settings.writeRates()).run(server);
        }
    }

    private StorageSoak.Result soak() throws Exception {
        System.out.printf("Storage soak, %.0f msg/s for %.0f s, %s%n", settings.soakRate(), settings.soakSeconds(),
                Machine.describe());
        try (ServerProcess server = ours(ServerProcess.FAST_SETUP)) {
            return new StorageSoak(settings.soakRate(), settings.soakSeconds(), settings.soakSenders()).run(server);
        }
    }

    private List<ColdStartBench.Result> coldStart() throws Exception {
        System.out.println("W6 cold start, " + Machine.describe());
        return new ColdStartBench().run(Subjects.coldStart(launch, work), work, settings.coldStartRuns());
    }

    private List<IdleSocketsBench.Result> idle() throws Exception {
        System.out.println("W3 idle sockets, " + Machine.describe());
        List<IdleSocketsBench.Result> results = new ArrayList<>();
        try (ServerProcess server = ours(ServerProcess.FAST_SETUP)) {
            results.add(new IdleSocketsBench().run(server, settings.idleSockets()));
        }
        try (CeilingProcess ceiling = CeilingProcess.start(work, ServerProcess.jvmOptions())) {
            results.add(new IdleSocketsBench().run(ceiling, settings.idleSockets()));
        }
        results.forEach(r -> System.out.printf("  W3 %-16s %d sockets: heap %+.1f KB/socket, RSS %+.1f KB/socket%n",
                r.server(), r.sockets(), r.heapBytesPerSocket() / 1024, r.rssBytesPerSocket() / 1024));
        return results;
    }

    private List<LatencyBench.Result> latency() throws Exception {
        System.out.println("W2 latency at light load, " + Machine.describe());
        try (ServerProcess server = ours(ServerProcess.FAST_SETUP)) {
            // CHATALOT_BENCH_W2_MESSAGES and CHATALOT_BENCH_W2_WARM_UP: other sizes for one run (A/B comparisons).
            int messages = fromEnvironment("CHATALOT_BENCH_W2_MESSAGES", settings.latencyMessages());
            int warmUp = fromEnvironment("CHATALOT_BENCH_W2_WARM_UP", settings.latencyWarmUp());
            return new LatencyBench(settings.latencyMembers(), messages, settings.latencyRate(), warmUp).run(server);
        }
    }

    /** {@code name}'s value in the environment, or {@code otherwise} when it is not set. */
    private static int fromEnvironment(String name, int otherwise) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? otherwise : Integer.parseInt(value.trim());
    }

    private LoginStormBench.Result logins() throws Exception {
        System.out.println("W4 login storm, " + Machine.describe());
        double ceiling = Argon2Ceiling.hashesPerCpuSecond(settings.argon2Hashes(), 20);
        Map<String, String> env = settings.realArgon2() ? Map.of() : Map.of("ARGON2_MEMORY_KIB", "19456",
                "ARGON2_ITERATIONS", "2", "ARGON2_PARALLELISM", "1");
        try (ServerProcess server = ours(env)) {
            return new LoginStormBench(settings.loginMembers(), settings.loginChatRate(), settings.stormClients(),
                    settings.stormSeconds()).run(server, ceiling);
        }
    }

    private UploadBench.Result upload() throws Exception {
        System.out.println("W5 upload through nginx TLS, " + Machine.describe());
        // ten uploads at once from one user: past the default 500 MB quota, whose reservations also run ahead
        // of each upload by up to 4 MiB; 0 is unlimited
        Map<String, String> env = new HashMap<>(ServerProcess.FAST_SETUP);
        env.put("UPLOAD_QUOTA_MB", "0");
        try (ServerProcess server = ours(env);
             CeilingProcess ceiling = CeilingProcess.start(work, ServerProcess.jvmOptions())) {
            return new UploadBench(settings.uploadBytes()).run(server, ceiling, work);
        }
    }
}
