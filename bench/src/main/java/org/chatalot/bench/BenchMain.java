package org.chatalot.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ./bench/run <suite>}: runs one suite (or all) and records the results. */
@Command(name = "chatalot-bench", mixinStandardHelpOptions = true,
        subcommands = {BenchMain.Fanout.class, BenchMain.Idle.class, BenchMain.ColdStart.class,
            BenchMain.Writes.class},
        description = "Benchmarks of the real server; results go to bench/results and docs/performance.md.")
public final class BenchMain implements Callable<Integer> {
    static final Map<String, String> FAST_SETUP = Map.of("ARGON2_MEMORY_KIB", "19456", "ARGON2_ITERATIONS", "2",
            "ARGON2_PARALLELISM", "1", "RATE_LIMIT_BURST", "1000000", "RATE_LIMIT_PER_SECOND", "1000000",
            "AUTH_RATE_LIMIT_BURST", "1000000", "AUTH_RATE_LIMIT_PER_SECOND", "1000000",
            "WS_RATE_LIMIT_BURST", "1000000", "WS_RATE_LIMIT_PER_SECOND", "1000000");

    @Option(names = "--repo", description = "repository root", defaultValue = ".")
    static Path repo = Path.of(".");

    public static void main(String[] args) {
        System.exit(new CommandLine(new BenchMain()).execute(args));
    }

    @Override
    public Integer call() {
        CommandLine.usage(this, System.out);
        return 0;
    }

    static Path serverJar() {
        Path jar = repo.resolve("server/target/chatalot-server.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException("build the server first: mvn -pl server -am package -DskipTests");
        }
        return jar;
    }

    static Path work() throws java.io.IOException {
        return Files.createTempDirectory("chatalot-bench-");
    }

    @Command(name = "fanout", description = "W1: one channel, a ladder of send rates.")
    static final class Fanout implements Callable<Integer> {
        @Option(names = "--members", defaultValue = "50")
        int members;
        @Option(names = "--senders", defaultValue = "10")
        int senders;
        @Option(names = "--seconds", defaultValue = "5", description = "length of each rung")
        double seconds;
        @Option(names = "--ladder", split = ",", defaultValue = "20,100,200,500,1000,1600,2400,3200",
                description = "messages per second")
        List<Integer> ladder;

        @Override
        public Integer call() throws Exception {
            System.out.println("W1 fan-out, " + members + " members, " + Report.machine());
            try (ServerProcess server = ServerProcess.start(serverJar(), work(), FAST_SETUP, "0",
                    List.of("-Xmx512m"))) {
                List<FanoutBench.Rung> rungs = new FanoutBench(members, senders, seconds).run(server, ladder);
                Report report = new Report(repo);
                report.json("fanout", rungs);
                StringBuilder md = new StringBuilder("Measured " + Report.machine() + ". Server pinned to core 0, "
                        + "load generator on the other. " + members + " members in one channel, " + senders
                        + " of them sending; every message goes to the " + (members - 1) + " others.\n\n"
                        + "| offered msg/s | offered deliveries/s | delivered/s | loss | p50 | p99 | max | "
                        + "server CPU per delivery |\n|---|---|---|---|---|---|---|---|\n");
                for (FanoutBench.Rung r : rungs) {
                    md.append(String.format("| %d | %d | %.0f | %.2f %% | %.2f ms | %.2f ms | %.1f ms | %.1f µs |%n",
                            r.offeredMessagesPerSecond(), r.offeredDeliveriesPerSecond(), r.deliveredPerSecond(),
                            r.lossPercent(), r.p50Ms(), r.p99Ms(), r.maxMs(), r.serverCpuMicrosPerDelivery()));
                }
                report.section("fanout", md.toString());
            }
            return 0;
        }
    }

    @Command(name = "idle", description = "W3: memory per idle authenticated socket.")
    static final class Idle implements Callable<Integer> {
        @Option(names = "--sockets", defaultValue = "2000")
        int sockets;

        @Override
        public Integer call() throws Exception {
            System.out.println("W3 idle sockets, " + Report.machine());
            try (ServerProcess server = ServerProcess.start(serverJar(), work(), FAST_SETUP, "0",
                    List.of("-Xmx512m"))) {
                IdleSocketsBench.Result r = new IdleSocketsBench().run(server, sockets);
                System.out.printf("  %d sockets: heap %+.1f KB/socket, RSS %+.1f KB/socket%n", r.sockets(),
                        r.heapBytesPerSocket() / 1024, r.rssBytesPerSocket() / 1024);
                Report report = new Report(repo);
                report.json("idle", r);
                report.section("idle", String.format("Measured %s. %d authenticated, idle WebSockets (8 per user)."
                        + "%n%n| | before | after | per socket |%n|---|---|---|---|%n"
                        + "| Java heap after full GC | %.1f MiB | %.1f MiB | %.1f KB |%n"
                        + "| process RSS | %.1f MiB | %.1f MiB | %.1f KB |%n", Report.machine(), r.sockets(),
                        r.heapBefore() / 1048576.0, r.heapAfter() / 1048576.0, r.heapBytesPerSocket() / 1024,
                        r.rssBefore() / 1048576.0, r.rssAfter() / 1048576.0, r.rssBytesPerSocket() / 1024));
            }
            return 0;
        }
    }

    @Command(name = "coldstart", description = "W6: empty data directory to first 200 on /api/health.")
    static final class ColdStart implements Callable<Integer> {
        @Option(names = "--runs", defaultValue = "5")
        int runs;

        @Override
        public Integer call() throws Exception {
            ColdStartBench.Result r = new ColdStartBench().run(serverJar(), work(), runs);
            System.out.printf("  cold start: median %.0f ms over %d runs %s%n", r.medianMillis(), runs, r.millis());
            Report report = new Report(repo);
            report.json("coldstart", r);
            report.section("coldstart", String.format("Measured %s.%n%nFrom `java -jar chatalot-server.jar` on an "
                    + "empty data directory (keys generated, database created and migrated) to the first 200 on "
                    + "`/api/health`: **median %.0f ms** over %d runs (%s).", Report.machine(), r.medianMillis(),
                    runs, r.millis().stream().map(m -> String.format("%.0f", m)).toList()));
            return 0;
        }
    }

    @Command(name = "writes", description = "W7: the cost of durable commits in H2, and group commit.")
    static final class Writes implements Callable<Integer> {
        @Option(names = "--seconds", defaultValue = "5")
        double seconds;

        @Override
        public Integer call() throws Exception {
            Path dir = work();
            H2WriteBench bench = new H2WriteBench();
            List<H2WriteBench.Result> results = new ArrayList<>();
            results.add(bench.run(dir, "H2 default (background writes)", "", 1, seconds));
            results.add(bench.run(dir, "WRITE_DELAY=0 (durable)", ";WRITE_DELAY=0", 1, seconds));
            results.add(bench.run(dir, "WRITE_DELAY=0, group commit", ";WRITE_DELAY=0", 64, seconds));
            StringBuilder md = new StringBuilder("Measured " + Report.machine() + ". One thread inserting rows "
                    + "shaped like messages into a fresh H2 file database.\n\n| setting | rows per commit | rows/s |"
                    + "\n|---|---|---|\n");
            for (H2WriteBench.Result r : results) {
                System.out.printf("  %-32s %3d rows/commit: %,.0f rows/s%n", r.setting(), r.rowsPerCommit(),
                        r.rowsPerSecond());
                md.append(String.format("| %s | %d | %,.0f |%n", r.setting(), r.rowsPerCommit(), r.rowsPerSecond()));
            }
            Report report = new Report(repo);
            report.json("writes", results);
            report.section("writes", md.toString());
            return 0;
        }
    }
}
