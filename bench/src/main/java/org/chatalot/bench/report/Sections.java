package org.chatalot.bench.report;

import java.util.List;
import java.util.Map;

import org.chatalot.bench.workload.ColdStartBench;
import org.chatalot.bench.workload.H2WriteBench;
import org.chatalot.bench.workload.IdleSocketsBench;
import org.chatalot.bench.workload.LatencyBench;
import org.chatalot.bench.workload.LoginStormBench;
import org.chatalot.bench.workload.Rung;
import org.chatalot.bench.workload.StorageSoak;
import org.chatalot.bench.workload.UploadBench;
import org.chatalot.bench.workload.WritePathBench;

/** The detail section of each workload, as markdown. */
public final class Sections {
    private Sections() {
    }

    public static String fanout(Map<String, List<Rung>> ladders, int members, int senders, String machine) {
        StringBuilder md = new StringBuilder("Measured " + machine + ". " + members + " members in one room, "
                + senders + " of them sending; every message goes to the " + (members - 1) + " others. Generator "
                + "CPU: the load generator's own, as a share of the one core it runs on; from "
                + String.format("%.0f", Rung.GENERATOR_BOUND_PERCENT) + " % it, not the server, may be the limit.\n");
        ladders.forEach((server, rungs) -> {
            md.append("\n**").append(server).append("**\n\n| offered msg/s | offered deliveries/s | sent at | "
                    + "delivered/s | loss | p50 | p99 | max | server CPU per delivery | of which JIT | generator CPU "
                    + "| load |\n|---|---|---|---|---|---|---|---|---|---|---|---|\n");
            for (Rung r : rungs) {
                md.append(String.format("| %d | %,d | %.0f/s | %,.0f | %.2f %% | %.2f ms | %.2f ms | %.1f ms | "
                                + "%.1f µs | %.1f µs | %.0f %%%s | %s |%n", r.offeredMessagesPerSecond(),
                        r.offeredDeliveriesPerSecond(), r.achievedSendRate(), r.deliveredPerSecond(), r.lossPercent(),
                        r.p50Ms(), r.p99Ms(), r.maxMs(), r.serverCpuMicrosPerDelivery(),
                        r.serverJitMicrosPerDelivery(), r.generatorCpuPercent(),
                        r.isGeneratorBound() ? " (the limit)" : "", r.load()));
            }
        });
        return md.toString();
    }

    public static String latency(List<LatencyBench.Result> results, String machine) {
        StringBuilder md = new StringBuilder("Measured " + machine + ".\n\n| scenario | messages | rate | stored "
                + "and delivered | stored (read back) | p50 | p99 | max | p99 to `message_sent` |\n"
                + "|---|---|---|---|---|---|---|---|---|\n");
        for (LatencyBench.Result r : results) {
            md.append(String.format("| %s | %d | %d/s | %d of %d | %d | %.2f ms | %.2f ms | %.2f ms | %.2f ms |%n",
                    r.scenario(), r.messages(), r.ratePerSecond(), r.complete(), r.expected(), r.stored(),
                    r.p50Ms(), r.p99Ms(), r.maxMs(), r.ackP99Ms()));
        }
        return md.toString();
    }

    public static String idle(List<IdleSocketsBench.Result> results, String machine) {
        StringBuilder md = new StringBuilder("Measured " + machine + ". Idle WebSockets held open: ours "
                + "authenticated (8 per user), the ceiling's plain.\n\n| server | sockets | live heap objects, "
                + "before → after | per socket | RSS before → after | per socket |\n|---|---|---|---|---|---|\n");
        for (IdleSocketsBench.Result r : results) {
            md.append(String.format("| %s | %d | %.1f → %.1f MiB | %.1f KB | %.1f → %.1f MiB | %.1f KB |%n",
                    r.server(), r.sockets(), r.heapBefore() / 1048576.0, r.heapAfter() / 1048576.0,
                    r.heapBytesPerSocket() / 1024, r.rssBefore() / 1048576.0, r.rssAfter() / 1048576.0,
                    r.rssBytesPerSocket() / 1024));
        }
        return md.toString();
    }

    public static String logins(LoginStormBench.Result r, String machine) {
        return String.format("Measured %s. Server with its production defaults (Argon2id 64 MiB, t=3, p=4; rate "
                        + "limits on), %d storm clients for %.1f s, each from its own address; chat at %d msg/s "
                        + "meanwhile.%n%n| | value |%n|---|---|%n"
                        + "| Argon2 ceiling, one core (same library and cost, nothing else) | %.2f hashes per CPU "
                        + "second |%n| successful logins | %d (%.2f/s; %.2f per server CPU second, %.2f without the "
                        + "%.2f CPU seconds the same chat round cost alone) |%n"
                        + "| 429 answers | %d |%n| 503 answers | %d |%n"
                        + "| other failures | %d |%n| chat p99 alone | %.2f ms |%n| chat p99 during the storm | "
                        + "%.2f ms (loss %.2f %%) |%n| unrelated request (`GET /api/health/live`) p99 during the storm "
                        + "| %.2f ms (%d requests) |%n", machine, r.stormClients(), r.stormSeconds(), r.chatRate(),
                r.argon2CeilingPerSecond(), r.logins(), r.loginsPerSecond(), r.loginsPerServerCpuSecond(),
                r.loginsPerLoginCpuSecond(), r.chatCpuSeconds(),
                r.tooMany429(), r.unavailable503(),
                r.otherFailures(), r.chatBaselineP99Ms(), r.chatStormP99Ms(), r.chatStormLossPercent(),
                r.unrelatedStormP99Ms(), r.unrelatedRequests())
                + loginThreads(r)
                + (r.firstFailure() == null ? "" : "\nFirst failure: `" + r.firstFailure() + "`\n");
    }

    /** W4's per-thread figures (absent from runs before they were measured). */
    private static String loginThreads(LoginStormBench.Result r) {
        if (Double.isNaN(r.hashCpuMsPerLogin())) {
            return "";
        }
        return String.format("| logins per server CPU second without the JIT compiler's %.2f s either (the ceiling "
                        + "counts none of its own) | %.2f |%n| hashing threads' CPU per login | %.1f ms (the ceiling: "
                        + "%.1f ms per hash) |%n| wait for the core per run, the server's threads but hashing and "
                        + "compiling | %.2f ms alone, %.2f ms during the storm |%n", r.jitCpuSeconds(),
                r.loginsPerWarmCpuSecond(), r.hashCpuMsPerLogin(), 1000 / r.argon2CeilingPerSecond(),
                r.waitMsAlone(), r.waitMsStorm());
    }

    public static String upload(UploadBench.Result r, String machine) {
        if (r.skipped() != null) {
            return "Measured " + machine + ".\n\nW5 **skipped**: " + r.skipped() + ".";
        }
        StringBuilder md = new StringBuilder("Measured " + machine + ". One upload of "
                + r.ours().bytes() / 1_000_000 + " MB (multipart, with Content-Length) through nginx TLS on loopback."
                + "\n\n| through nginx to | status | wall time | throughput | receiver's peak memory growth |\n"
                + "|---|---|---|---|---|\n");
        List<UploadBench.Upload> rows = new java.util.ArrayList<>(List.of(r.sink(), r.ours()));
        if (r.oursConcurrent() != null) {
            rows.add(r.oursConcurrent());
        }
        for (UploadBench.Upload u : rows) {
            md.append(String.format("| %s | %d | %.0f ms | %.0f MB/s | %.1f MiB |%n", u.target(), u.status(),
                    u.wallMillis(), u.megabytesPerSecond(), u.peakGrowthMiB()));
        }
        return md.toString();
    }

    public static String coldStart(List<ColdStartBench.Result> results, String machine) {
        StringBuilder md = new StringBuilder("Measured " + machine + ". From launching the process (pinned to "
                + "the server core) to the first 200 on its health URL, the variants launched in turn, one of each "
                + "per round. Our server starts on an empty data directory (keys generated, the database copied "
                + "from the one the build migrated) or on the one an earlier launch left; \"start-up cache\" is what "
                + "`./chatalot` and the systemd units use (JDK 25+: the ahead-of-time cache from a training run; "
                + "before: a class-data-sharing archive), the same for the ceiling.\n\n| server | median | runs |\n"
                + "|---|---|---|\n");
        for (ColdStartBench.Result r : results) {
            md.append(String.format("| %s | %.0f ms | %s |%n", r.server(), r.medianMillis(), r.millis().stream()
                    .map(m -> String.format("%.0f", m)).toList()));
        }
        return md.toString();
    }

    public static String writes(WritePathBench.Result w7, List<H2WriteBench.Result> h2, String machine) {
        StringBuilder md = new StringBuilder("Measured " + machine + ".\n\n");
        if (w7 != null) {
            md.append(String.format("Through the real server: %d sockets, each posting to its own channel with up "
                            + "to %d messages awaiting `message_sent`, for %.1f s: **%,.0f messages/s stored "
                            + "durably** (%d acknowledged, %d read back from the history), %.1f µs of server CPU "
                            + "per message.%n%n", w7.writers(), w7.window(), w7.seconds(), w7.storedPerSecond(),
                    w7.acknowledged(), w7.stored(), w7.serverCpuMicrosPerMessage()));
            md.append(paced(w7));
        }
        md.append("H2 alone, one thread inserting rows shaped like messages into a fresh file database:\n\n"
                + "| setting | rows per commit | rows/s | commit p50 | commit p99 |\n|---|---|---|---|---|\n");
        for (H2WriteBench.Result r : h2) {
            md.append(String.format("| %s | %d | %,.0f | %.2f ms | %.2f ms |%n", r.setting(), r.rowsPerCommit(),
                    r.rowsPerSecond(), r.commitP50Ms(), r.commitP99Ms()));
        }
        return md.toString();
    }

    /** W7's paced phases: the write path's cost per message at a steady rate, and one commit's latency in it. */
    private static String paced(WritePathBench.Result w7) {
        if (w7.paced() == null || w7.paced().isEmpty()) {
            return "";
        }
        StringBuilder md = new StringBuilder("The same sockets at a steady pace, spread over them (each message "
                + "acknowledged after its own durable commit, or a group's):\n\n| offered msg/s | acknowledged | "
                + "server CPU per message | of which JIT compiler | send → `message_sent` p50 | p99 | load |\n"
                + "|---|---|---|---|---|---|---|\n");
        for (WritePathBench.Paced p : w7.paced()) {
            md.append(String.format("| %,d | %,d of %,d | %.1f µs | %.1f µs | %.2f ms | %.2f ms | %s |%n", p.rate(),
                    p.acknowledged(), p.sent(), p.serverCpuMicrosPerMessage(), p.serverJitMicrosPerMessage(),
                    p.ackP50Ms(), p.ackP99Ms(), p.load()));
        }
        return md.append('\n').toString();
    }

    public static String soak(StorageSoak.Result r, String machine) {
        StringBuilder md = new StringBuilder(String.format("Measured %s; load average %s at the end.%n%n"
                        + "%d sockets posting ~100-byte messages into one channel at %.0f msg/s for %.0f s: %,d "
                        + "acknowledged, %,d read back from the history.%n%n"
                        + "| | database file | per message |%n|---|---|---|%n"
                        + "| running, at the end | %.1f MB | %,.0f B |%n"
                        + "| running, largest seen | %.1f MB | |%n"
                        + "| running, after %d s idle | %.1f MB | %,.0f B |%n"
                        + "| after a clean stop | %.1f MB | %,.0f B |%n"
                        + "| the data (offline `SHUTDOWN COMPACT` of a copy) | %.1f MB | %,.0f B |%n%n"
                        + "The running file is **%.1f×** the data; over the second half it grew %,.0f bytes/s. "
                        + "Send to `message_sent`: p50 %.1f ms, p99 %.1f ms, max %.0f ms.%n%n"
                        + "| seconds | acknowledged | file |%n|---|---|---|%n", machine, r.load(), r.senders(),
                r.rate(), r.seconds(), r.acknowledged(), r.stored(), r.fileBytes() / 1e6, r.fileBytesPerMessage(),
                r.peakFileBytes() / 1e6, StorageSoak.IDLE_SECONDS, r.idleFileBytes() / 1e6,
                r.acknowledged() == 0 ? Double.NaN : (double) r.idleFileBytes() / r.acknowledged(),
                r.closedFileBytes() / 1e6,
                r.acknowledged() == 0 ? Double.NaN : (double) r.closedFileBytes() / r.acknowledged(),
                r.compactedBytes() / 1e6, r.compactedBytesPerMessage(), r.factor(), r.growthBytesPerSecond(),
                r.ackP50Ms(), r.ackP99Ms(), r.ackMaxMs()));
        double every = Math.max(r.seconds() / 10, 1);
        double next = 0;
        for (StorageSoak.Sample s : r.samples()) {
            if (s.seconds() >= next || s == r.samples().getLast()) {
                md.append(String.format("| %.0f | %,d | %.1f MB |%n", s.seconds(), s.acknowledged(),
                        s.fileBytes() / 1e6));
                next = s.seconds() + every;
            }
        }
        return md.toString();
    }
}
