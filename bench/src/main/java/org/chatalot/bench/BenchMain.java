package org.chatalot.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import org.chatalot.bench.chatalot.ServerLaunch;
import org.chatalot.bench.chatalot.ServerProcess;
import org.chatalot.bench.core.Profiler;
import org.chatalot.bench.report.Publisher;
import org.chatalot.bench.report.Report;
import org.chatalot.bench.report.SuiteResults;
import org.chatalot.bench.search.SearchBench;
import org.chatalot.bench.search.SearchResults;
import org.chatalot.bench.web.WebBench;
import org.chatalot.bench.web.WebResults;

/**
 * {@code ./bench/run [all|fanout|latency|idle|logins|upload|coldstart|writes|web|soak …]}: runs the whole suite or
 * some of its parts against the built server jar, and writes bench/results and docs/performance.md.
 */
@Command(name = "chatalot-bench", mixinStandardHelpOptions = true,
        description = "Benchmarks of the real server against the Helidon ceiling, ejabberd and Prosody.")
public final class BenchMain implements Callable<Integer> {
    @Parameters(arity = "0..*", description = "all (default), or any of: fanout latency idle logins upload "
            + "coldstart writes web soak search (soak and search run only when named)")
    List<String> parts = List.of("all");

    @Option(names = "--repo", description = "repository root", defaultValue = ".")
    Path repo;

    @Option(names = "--smoke", description = "tiny sizes and durations: proves the harness, measures nothing")
    boolean smoke;

    @Option(names = "--servers", split = ",", description = "fan-out servers: chatalot,ceiling,ejabberd,prosody")
    List<String> servers;

    @Option(names = "--ladder", split = ",", description = "fan-out rates, messages per second")
    List<Integer> ladder;

    @Option(names = "--rung-seconds", description = "length of each fan-out rung")
    Double rungSeconds;

    @Option(names = "--soak-rate", description = "storage soak: messages per second (default 100)")
    Double soakRate;

    @Option(names = "--soak-seconds", description = "storage soak: how long (default 480)")
    Double soakSeconds;

    @Option(names = "--idle-sockets", description = "W3's number of idle sockets (8 per user), e.g. 100 for a "
            + "team of 50 with two devices each")
    Integer idleSockets;

    @Option(names = "--jfr", description = "JFR profiles of our server during measured phases, into this folder")
    Path jfr;

    @Option(names = "--jvm-options", description = "extra JVM options for our server and the ceiling, "
            + "e.g. \"-XX:+UseG1GC\"")
    String jvmOptions;

    public static void main(String[] args) {
        System.exit(new CommandLine(new BenchMain()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        Set<Workload> which = workloads(parts);
        if (jvmOptions != null) {
            System.setProperty(ServerProcess.EXTRA_JVM_OPTIONS_PROPERTY, jvmOptions);
        }
        if (jfr != null) {
            Files.createDirectories(jfr);
            System.setProperty(Profiler.PROPERTY, jfr.toString());
        }
        Settings settings = settings();
        boolean web = which.remove(Workload.WEB);
        boolean search = which.remove(Workload.SEARCH);
        if (!which.isEmpty()) {
            Suite suite = new Suite(settings, ServerLaunch.jar(repo));
            SuiteResults results = suite.run(which);
            boolean whole = which.containsAll(Workload.suite().stream().filter(w -> w != Workload.WEB).toList());
            String name = whole ? "suite" : String.join("-", parts.stream()
                    .filter(p -> !p.equals("web") && !p.equals("search")).toList());
            new Publisher(new Report(repo)).publish(results, name, whole, settings.senders());
            System.out.printf("done in %.0f s; load average now %s%n", results.durationSeconds(),
                    results.loadAtEnd());
            results.skipped().forEach((what, why) -> System.out.println("  skipped " + what + ": " + why));
        }
        if (web) {
            web();
        }
        if (search) {
            search();
        }
        return 0;
    }

    /** W8 on its own: its results are not part of the ratio table (no peer has a web client to compare). */
    private void web() throws Exception {
        String missing = WebBench.missingTools(repo);
        if (missing != null) {
            System.out.println("  skipped web: " + missing);
            return;
        }
        System.out.println("W8 web client, " + org.chatalot.bench.core.Machine.describe());
        WebBench bench = smoke ? new WebBench(500, 1, 5, 3, 20, 2_000_000)
                : new WebBench(10_000, 5, 20, 15, 20, 100_000_000);
        WebResults results = bench.run(ServerLaunch.jar(repo), Files.createTempDirectory("chatalot-bench-web-"),
                repo);
        Report report = new Report(repo);
        report.json("web", results);
        report.section("web", results.section());
        System.out.print(results.section());
    }

    /**
     * W9 on its own, run only when asked ({@code ./bench/run search}: loading a million messages takes minutes);
     * its results are not part of the ratio table (the peers are not searched).
     */
    private void search() throws Exception {
        System.out.println("W9 search, " + org.chatalot.bench.core.Machine.describe());
        SearchBench bench = new SearchBench(smoke ? SearchBench.Settings.smoke() : SearchBench.Settings.full());
        SearchResults results = bench.run(ServerLaunch.jar(repo), Files.createTempDirectory("chatalot-bench-search-"));
        if (!smoke) {
            Report report = new Report(repo);
            report.json("search", results);
            report.section("search", results.section());
        }
    }

    private Settings settings() {
        Settings settings = smoke ? Settings.smoke() : Settings.full();
        if (ladder != null || rungSeconds != null) {
            settings = settings.withLadder(ladder != null ? ladder : settings.ladder(),
                    rungSeconds != null ? rungSeconds : settings.rungSeconds());
        }
        if (soakRate != null || soakSeconds != null) {
            settings = settings.withSoak(soakRate != null ? soakRate : settings.soakRate(),
                    soakSeconds != null ? soakSeconds : settings.soakSeconds());
        }
        if (servers != null) {
            servers.forEach(Fanout::displayName);
            settings = settings.withServers(servers);
        }
        if (idleSockets != null) {
            settings = settings.withIdleSockets(idleSockets);
        }
        return settings;
    }

    static Set<Workload> workloads(List<String> names) {
        if (names.isEmpty() || names.contains("all")) {
            Set<Workload> out = EnumSet.copyOf(Workload.suite());
            // Parts outside the suite (the soak, search) run with "all" only when also named.
            for (Workload w : Workload.values()) {
                if (!Workload.suite().contains(w) && names.contains(w.label())) {
                    out.add(w);
                }
            }
            return out;
        }
        Map<String, Workload> byLabel = new HashMap<>();
        for (Workload w : Workload.values()) {
            byLabel.put(w.label(), w);
        }
        Set<Workload> out = EnumSet.noneOf(Workload.class);
        for (String name : names) {
            Workload w = byLabel.get(name);
            if (w == null) {
                throw new CommandLine.ParameterException(new CommandLine(new BenchMain()), "unknown part " + name);
            }
            out.add(w);
        }
        return out;
    }
}
