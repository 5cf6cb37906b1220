package org.chatalot.bench.workload;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;

import org.chatalot.bench.chatalot.Api;
import org.chatalot.bench.chatalot.ChatalotRoom;
import org.chatalot.bench.chatalot.ServerProcess;
import org.chatalot.bench.core.Latencies;
import org.chatalot.bench.core.Machine;
import org.chatalot.bench.core.ProcessStats;
import org.chatalot.bench.core.Profiler;
import org.chatalot.bench.core.ThreadCpu;
import org.chatalot.bench.room.RoomMember;

/**
 * W4: logins with the real Argon2 cost while chat runs at a low rate. The server runs with its production
 * defaults (Argon2 64 MiB/t=3/p=4, rate limits on); each storm client stands for its own address, as logins
 * through a proxy would. First a chat round alone (the baseline p99), then the same chat round during the
 * storm. A client answered 429 or 503 waits a second, as its Retry-After asks. During the storm an unrelated
 * request ({@code GET /api/health/live}, about a hundred a second) must keep answering quickly: its p99 is the
 * bound the server promises for other traffic while logins queue on the hashing pool (250 ms on 2 cores).
 */
public final class LoginStormBench {
    private final int members;
    private final int chatRate;
    private final int stormClients;
    private final double seconds;

    /**
     * {@code loginsPerServerCpuSecond} divides the logins by the server's CPU time during the storm, so it
     * compares with the Argon2 ceiling (hashes per CPU second) even when other work shared the machine.
     * That CPU time also holds the chat round the storm runs beside; {@code chatCpuSeconds} is what the same
     * round cost the server alone (the baseline), and {@code loginsPerLoginCpuSecond} divides by the storm's
     * CPU without it: the login path's own cost against bare Argon2 (the unrelated requests stay counted).
     *
     * <p>The ceiling counts only its hashing thread's CPU, after warm-up hashes: none of its JIT compiler's.
     * {@code loginsPerWarmCpuSecond} leaves the server's JIT compiler threads out the same way (of the storm and
     * of the chat round alone), so both sides are counted alike; {@code jitCpuSeconds} is what it left out, the
     * compiling a young server does whatever the load. {@code hashCpuMsPerLogin} is the server's hashing
     * threads' CPU per login, beside the ceiling's per hash. {@code waitMsAlone} and {@code waitMsStorm}: how
     * long, on average, the server's threads other than the hashing and compiler threads waited for the core
     * each time they were ready to run (the scheduler's run-queue delay), in the chat round alone and in the
     * storm: what chat waits for while a hash runs.
     */
    public record Result(double argon2CeilingPerSecond, int stormClients, double stormSeconds, long logins,
                         double loginsPerSecond, double serverCpuSeconds, double loginsPerServerCpuSecond,
                         double chatCpuSeconds, double loginsPerLoginCpuSecond,
                         long tooMany429, long unavailable503, long otherFailures, String firstFailure,
                         int chatRate, double chatBaselineP99Ms, double chatStormP99Ms, double chatStormLossPercent,
                         String load, long unrelatedRequests, double unrelatedStormP99Ms, double jitCpuSeconds,
                         double loginsPerWarmCpuSecond, double hashCpuMsPerLogin, double waitMsAlone,
                         double waitMsStorm) {
        /** A result from before the per-thread figures (older runs' JSON, tests of the report). */
        public Result(double argon2CeilingPerSecond, int stormClients, double stormSeconds, long logins,
                      double loginsPerSecond, double serverCpuSeconds, double loginsPerServerCpuSecond,
                      double chatCpuSeconds, double loginsPerLoginCpuSecond,
                      long tooMany429, long unavailable503, long otherFailures, String firstFailure,
                      int chatRate, double chatBaselineP99Ms, double chatStormP99Ms, double chatStormLossPercent,
                      String load, long unrelatedRequests, double unrelatedStormP99Ms) {
            this(argon2CeilingPerSecond, stormClients, stormSeconds, logins, loginsPerSecond, serverCpuSeconds,
                    loginsPerServerCpuSecond, chatCpuSeconds, loginsPerLoginCpuSecond, tooMany429, unavailable503,
                    otherFailures, firstFailure, chatRate, chatBaselineP99Ms, chatStormP99Ms, chatStormLossPercent,
                    load, unrelatedRequests, unrelatedStormP99Ms, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                    Double.NaN);
        }
    }

    public LoginStormBench(int members, int chatRate, int stormClients, double seconds) {
        this.members = members;
        this.chatRate = chatRate;
        this.stormClients = stormClients;
        this.seconds = seconds;
    }

    public Result run(ServerProcess server, double argon2Ceiling) throws Exception {
        ChatalotRoom room = new ChatalotRoom(server);
        FanoutBench chat = new FanoutBench(members, Math.min(members, 10), seconds, 3);
        FanoutBench.Receivers receivers = new FanoutBench.Receivers(members);
        List<RoomMember> joined = room.join(members, receivers::onFrame);
        try {
            chat.warmUp(room, joined, receivers, chatRate);
            ThreadCpu chatThreadsBefore = ThreadCpu.snapshot(server.handle());
            long chatCpuBefore = ProcessStats.cpuNanos(server.handle());
            Rung baseline = chat.rung(room, joined, receivers, 0, chatRate);
            double chatCpuSeconds = (ProcessStats.cpuNanos(server.handle()) - chatCpuBefore) / 1e9;
            Map<String, ThreadCpu.Usage> chatThreads = ThreadCpu.snapshot(server.handle()).since(chatThreadsBefore);
            Storm storm = new Storm(new Api(server.base()), members);
            Profiler.start(server.handle(), "logins");
            ThreadCpu threadsBefore = ThreadCpu.snapshot(server.handle());
            long cpuBefore = ProcessStats.cpuNanos(server.handle());
            List<Thread> clients = storm.start(stormClients, seconds);
            Prober unrelated = Prober.start(new Api(server.base()));
            Rung during = chat.rung(room, joined, receivers, 1, chatRate);
            for (Thread client : clients) {
                client.join(Math.round(seconds * 1000) + 70_000);
            }
            unrelated.stop();
            double cpuSeconds = (ProcessStats.cpuNanos(server.handle()) - cpuBefore) / 1e9;
            Map<String, ThreadCpu.Usage> stormThreads = ThreadCpu.snapshot(server.handle()).since(threadsBefore);
            Profiler.stop(server.handle());
            printThreads("the chat round alone", chatThreads, storm.ok.sum());
            printThreads("the storm", stormThreads, storm.ok.sum());
            return result(storm, new Cpu(cpuSeconds, chatCpuSeconds, chatThreads, stormThreads), argon2Ceiling,
                    baseline, during, unrelated);
        } finally {
            joined.forEach(RoomMember::close);
        }
    }

    /** The server's CPU in the storm and in the chat round alone, in all and per kind of thread. */
    private record Cpu(double stormSeconds, double chatSeconds, Map<String, ThreadCpu.Usage> chatThreads,
                       Map<String, ThreadCpu.Usage> stormThreads) {
        private static final String JIT = "JIT compiler";
        private static final String HASHING = "argon2";

        /** The storm's JIT compiler CPU beyond what the chat round alone compiled. */
        double jitSeconds() {
            return seconds(stormThreads, JIT) - seconds(chatThreads, JIT);
        }

        double hashingSeconds() {
            return seconds(stormThreads, HASHING);
        }

        /** Mean run-queue wait per run of every thread but the hashing and compiler threads, in ms. */
        static double waitMillis(Map<String, ThreadCpu.Usage> threads) {
            long wait = 0;
            long runs = 0;
            for (var kind : threads.entrySet()) {
                if (!kind.getKey().equals(HASHING) && !kind.getKey().equals(JIT)) {
                    wait += kind.getValue().waitNanos();
                    runs += kind.getValue().runs();
                }
            }
            return runs == 0 ? Double.NaN : wait / 1e6 / runs;
        }

        private static double seconds(Map<String, ThreadCpu.Usage> threads, String kind) {
            ThreadCpu.Usage usage = threads.get(kind);
            return usage == null ? 0 : usage.cpuNanos() / 1e9;
        }
    }

    private Result result(Storm storm, Cpu cpu, double argon2Ceiling, Rung baseline, Rung during,
                          Prober unrelated) {
        long ok = storm.ok.sum();
        long[] probes = Latencies.merged(List.of(unrelated.latencies));
        double loginCpuSeconds = Math.max(cpu.stormSeconds() - cpu.chatSeconds(), Double.MIN_NORMAL);
        double warmCpuSeconds = Math.max(loginCpuSeconds - cpu.jitSeconds(), Double.MIN_NORMAL);
        Result r = new Result(argon2Ceiling, stormClients, storm.elapsedSeconds(), ok, ok / storm.elapsedSeconds(),
                cpu.stormSeconds(), ok / cpu.stormSeconds(), cpu.chatSeconds(), ok / loginCpuSeconds,
                storm.tooMany.sum(), storm.unavailable.sum(), storm.failed.sum(),
                storm.firstFailure.get() != null ? storm.firstFailure.get() : unrelated.firstFailure.get(), chatRate,
                baseline.p99Ms(), during.p99Ms(), during.lossPercent(), Machine.loadAverage(), probes.length,
                Latencies.percentileMillis(probes, 99), cpu.jitSeconds(), ok / warmCpuSeconds,
                cpu.hashingSeconds() * 1000 / Math.max(1, ok), Cpu.waitMillis(cpu.chatThreads()),
                Cpu.waitMillis(cpu.stormThreads()));
        System.out.printf("  W4 %.2f logins/s, %.2f per server CPU second, %.2f without the chat round's %.2f s, "
                        + "%.2f without the JIT compiler's %.2f s too (Argon2 ceiling %.2f per CPU second: %.1f ms "
                        + "per hash; the server's hashing threads %.1f ms per login), 429: %d, 503: %d, other: %d; "
                        + "chat p99 %.2f ms alone, %.2f ms during the storm; the server's threads waited %.2f ms "
                        + "for the core per run alone, %.2f ms during the storm; unrelated requests p99 %.2f ms "
                        + "(n=%d)%n",
                r.loginsPerSecond(), r.loginsPerServerCpuSecond(), r.loginsPerLoginCpuSecond(), r.chatCpuSeconds(),
                r.loginsPerWarmCpuSecond(), r.jitCpuSeconds(), argon2Ceiling, 1000 / argon2Ceiling,
                r.hashCpuMsPerLogin(), r.tooMany429(), r.unavailable503(), r.otherFailures(), r.chatBaselineP99Ms(),
                r.chatStormP99Ms(), r.waitMsAlone(), r.waitMsStorm(), r.unrelatedStormP99Ms(),
                r.unrelatedRequests());
        return r;
    }

    /** Where a phase's CPU went, per kind of server thread: in all, per successful login, wait per run. */
    private static void printThreads(String phase, Map<String, ThreadCpu.Usage> threads, long logins) {
        StringBuilder line = new StringBuilder("  W4 server threads during " + phase + ":");
        threads.forEach((kind, usage) -> {
            if (usage.cpuNanos() >= 10_000_000L) {
                line.append(String.format(" %s %.2f s (%.1f ms/login, waited %.2f ms per run, %.1f ms in all, %d runs);",
                        kind, usage.cpuNanos() / 1e9, usage.cpuNanos() / 1e6 / Math.max(1, logins),
                        usage.waitPerRunMillis(), usage.waitNanos() / 1e6, usage.runs()));
            }
        });
        System.out.println(line);
    }

    /** An unrelated request about a hundred times a second, timed, until stopped. */
    private static final class Prober {
        /** Addresses the unrelated requests rotate over: 2 a second each, well inside the default limit. */
        private static final int UNRELATED_ADDRESSES = 50;
        private final Api api;
        private final Latencies latencies = new Latencies();
        private final AtomicReference<String> firstFailure = new AtomicReference<>();
        private volatile boolean running = true;
        private Thread thread;

        private Prober(Api api) {
            this.api = api;
        }

        static Prober start(Api api) {
            Prober prober = new Prober(api);
            prober.thread = Thread.ofVirtual().start(prober::loop);
            return prober;
        }

        void stop() throws InterruptedException {
            running = false;
            thread.join();
        }

        private void loop() {
            for (int request = 0; running; request++) {
                long start = System.nanoTime();
                try {
                    // Other people's traffic, from addresses of their own (the storm's start at client 100):
                    // from one address a hundred a second would only measure that address's rate limit.
                    HttpResponse<String> response = api.get(null, "/api/health/live",
                            Api.clientAddress(request % UNRELATED_ADDRESSES));
                    if (response.statusCode() == 200) {
                        latencies.add(System.nanoTime() - start);
                    } else {
                        firstFailure.compareAndSet(null, "unrelated request: " + response.statusCode());
                    }
                    Thread.sleep(10);
                } catch (IOException e) {
                    firstFailure.compareAndSet(null, "unrelated request: " + e);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** The login clients: each logs in as one of the chat members, again and again, until the time is up. */
    private static final class Storm {
        private final Api api;
        private final int accounts;
        private final LongAdder ok = new LongAdder();
        private final LongAdder tooMany = new LongAdder();
        private final LongAdder unavailable = new LongAdder();
        private final LongAdder failed = new LongAdder();
        private final AtomicReference<String> firstFailure = new AtomicReference<>();
        private long startNanos;
        private volatile long endNanos;

        Storm(Api api, int accounts) {
            this.api = api;
            this.accounts = accounts;
        }

        List<Thread> start(int clients, double seconds) {
            startNanos = System.nanoTime();
            long deadline = startNanos + (long) (seconds * 1e9);
            List<Thread> threads = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                int client = c;
                threads.add(Thread.ofVirtual().start(() -> loop(client, deadline)));
            }
            return threads;
        }

        double elapsedSeconds() {
            return Math.max(1, (endNanos == 0 ? System.nanoTime() : endNanos) - startNanos) / 1e9;
        }

        private void loop(int client, long deadline) {
            String user = "fan" + client % (accounts - 1);
            String address = Api.clientAddress(100 + client);
            while (System.nanoTime() < deadline) {
                try {
                    count(api.login(user, address));
                } catch (IOException e) {
                    failed.increment();
                    firstFailure.compareAndSet(null, e.toString());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            endNanos = Math.max(endNanos, System.nanoTime());
        }

        private void count(HttpResponse<String> response) throws InterruptedException {
            switch (response.statusCode()) {
                case 200 -> ok.increment();
                case 429 -> {
                    tooMany.increment();
                    Thread.sleep(1000);
                }
                case 503 -> {
                    unavailable.increment();
                    Thread.sleep(1000);
                }
                default -> {
                    failed.increment();
                    firstFailure.compareAndSet(null, response.statusCode() + " " + response.body());
                }
            }
        }
    }
}
