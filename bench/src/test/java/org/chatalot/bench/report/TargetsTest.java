package org.chatalot.bench.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.chatalot.bench.workload.ColdStartBench;
import org.chatalot.bench.workload.IdleSocketsBench;
import org.chatalot.bench.workload.LatencyBench;
import org.chatalot.bench.workload.LoginStormBench;
import org.chatalot.bench.workload.Rung;
import org.chatalot.bench.workload.WritePathBench;

class TargetsTest {

    @Test
    void capacityRatiosAreJudgedAgainstTheirBounds() {
        SuiteResults r = Fixtures.results(Fixtures.ladders());

        Targets.Verdict ejabberd = Targets.capacityRatio(r, SuiteResults.EJABBERD, 2.0, "≥ 2× ejabberd");
        Targets.Verdict ceiling = Targets.capacityRatio(r, SuiteResults.CEILING, 0.5, "≥ 0.5× ceiling");

        assertThat(ejabberd.status()).isEqualTo(Targets.Status.MEETS);
        assertThat(ejabberd.measured()).startsWith("4.00×");
        assertThat(ceiling.status()).isEqualTo(Targets.Status.MEETS);
        assertThat(ceiling.measured()).startsWith("0.50×");
    }

    @Test
    void aPeerThatDidNotRunIsNotMeasuredWithItsReason() {
        SuiteResults r = Fixtures.results(Fixtures.ladders());

        Targets.Verdict prosody = Targets.capacityRatio(r, SuiteResults.PROSODY, 1, "vs Prosody");

        assertThat(prosody.status()).isEqualTo(Targets.Status.NOT_MEASURED);
        assertThat(prosody.measured()).contains("not installed");
    }

    @Test
    void cpuPerDeliveryIsJudgedAtItsWorstRungBetween100MessagesPerSecondAndTheHighestBothSustained() {
        Targets.Verdict cpu = Targets.cpuPerDelivery(Fixtures.results(Fixtures.ladders()));

        assertThat(cpu.status()).isEqualTo(Targets.Status.MISSES);
        assertThat(cpu.measured()).isEqualTo("worst 3.33× at 100 msg/s (40.0 vs 12.0 µs; with the JIT compiler "
                + "40.0 vs 12.0 µs); 3.00× at 400 msg/s, the highest rate both sustained with every rate below it");
    }

    @Test
    void cpuPerDeliveryIsJudgedWithoutEitherServersJitCompiler() {
        Map<String, List<Rung>> ladders = new LinkedHashMap<>();
        ladders.put(SuiteResults.OURS, List.of(Fixtures.rung(SuiteResults.OURS, 100, 0, 5, 60, 40),
                Fixtures.rung(SuiteResults.OURS, 400, 0, 8, 20, 2)));
        ladders.put(SuiteResults.CEILING, List.of(Fixtures.rung(SuiteResults.CEILING, 100, 0, 2, 12, 2),
                Fixtures.rung(SuiteResults.CEILING, 400, 0, 3, 10, 0)));

        Targets.Verdict cpu = Targets.cpuPerDelivery(Fixtures.results(ladders));

        assertThat(cpu.status()).isEqualTo(Targets.Status.MEETS);
        assertThat(cpu.measured()).startsWith("worst 2.00× at 100 msg/s (20.0 vs 10.0 µs; with the JIT compiler "
                + "60.0 vs 12.0 µs); 1.80× at 400 msg/s");
    }

    @Test
    void theWritePathsCostAtALowRateIsComparedWithItsCostAtAHighOne() {
        var cheap = new WritePathBench.Paced(200, 5, 1000, 1000, 120, 30, 2, 5, "0");
        var costly = new WritePathBench.Paced(200, 5, 1000, 1000, 400, 30, 2, 5, "0");
        var high = new WritePathBench.Paced(3000, 5, 15000, 15000, 60, 0, 3, 9, "0");

        Targets.Verdict meets = Targets.writeCostAtLowRate(w7(List.of(cheap, high)));
        Targets.Verdict misses = Targets.writeCostAtLowRate(w7(List.of(costly, high)));

        assertThat(meets.status()).isEqualTo(Targets.Status.MEETS);
        assertThat(meets.measured()).isEqualTo("1.50× (90.0 µs at 200 msg/s, 60.0 µs at 3000 msg/s; with the JIT "
                + "compiler 120.0 and 60.0 µs)");
        assertThat(misses.status()).isEqualTo(Targets.Status.MISSES);
        assertThat(Targets.writeCostAtLowRate(null).status()).isEqualTo(Targets.Status.NOT_MEASURED);
    }

    private static WritePathBench.Result w7(List<WritePathBench.Paced> paced) {
        return new WritePathBench.Result(16, 8, 5, 1000, 2000, 2000, 200, 100, paced, "0");
    }

    @Test
    void lightLoadNeedsEveryMessageStoredAndDeliveredWithinTenMilliseconds() {
        var fast = new LatencyBench.Result("DM", 2, 100, 10, 100, 100, 100, 1, 4, 6, 3, "0");
        var incomplete = new LatencyBench.Result("DM", 2, 100, 10, 100, 99, 100, 1, 4, 6, 3, "0");
        var slow = new LatencyBench.Result("channel", 50, 100, 10, 4900, 4900, 100, 3, 12, 20, 3, "0");

        assertThat(Targets.lightLoad(List.of(fast)).status()).isEqualTo(Targets.Status.MEETS);
        assertThat(Targets.lightLoad(List.of(incomplete)).status()).isEqualTo(Targets.Status.MISSES);
        assertThat(Targets.lightLoad(List.of(fast, slow)).status()).isEqualTo(Targets.Status.MISSES);
    }

    @Test
    void anIdleSocketMeetsAt28KibibytesOfHeapAndMissesAbove() {
        var bare = idle(SuiteResults.CEILING, 25.9);

        Targets.Verdict atTheBound = Targets.idle(withIdle(List.of(idle(SuiteResults.OURS, 28.0), bare)));
        Targets.Verdict above = Targets.idle(withIdle(List.of(idle(SuiteResults.OURS, 28.4), bare)));

        assertThat(atTheBound.target()).isEqualTo("≤ 28 KB per idle socket");
        assertThat(atTheBound.status()).isEqualTo(Targets.Status.MEETS);
        assertThat(atTheBound.measured()).isEqualTo("28.0 KB of live heap objects (40.0 KB RSS); the ceiling 25.9 KB");
        assertThat(above.status()).isEqualTo(Targets.Status.MISSES);
        assertThat(Targets.idle(withIdle(List.of(bare))).status()).isEqualTo(Targets.Status.NOT_MEASURED);
    }

    private static IdleSocketsBench.Result idle(String server, double heapKb) {
        return new IdleSocketsBench.Result(server, 2000, 0, 0, 0, 0, heapKb * 1024, 40 * 1024, "0");
    }

    private static SuiteResults withIdle(List<IdleSocketsBench.Result> idle) {
        return with(idle, null);
    }

    @Test
    void coldStartIsARatioOfMedians() {
        var ours = new ColdStartBench.Result(SuiteResults.OURS, List.of(1200.0), 1200, "0");
        var bare = new ColdStartBench.Result(SuiteResults.CEILING, List.of(1000.0), 1000, "0");

        Targets.Verdict verdict = Targets.coldStart(List.of(ours, bare));

        assertThat(verdict.status()).isEqualTo(Targets.Status.MEETS);
        assertThat(verdict.measured()).startsWith("1.20×");
        assertThat(Targets.coldStart(List.of(ours)).status()).isEqualTo(Targets.Status.NOT_MEASURED);
    }

    @Test
    void coldStartMissesWhenTheExistingDataDirectoryIsTooSlow() {
        var empty = new ColdStartBench.Result(SuiteResults.OURS, List.of(1200.0), 1200, "0");
        var existing = new ColdStartBench.Result(SuiteResults.OURS + ", existing data", List.of(1400.0), 1400, "0");
        var bare = new ColdStartBench.Result(SuiteResults.CEILING, List.of(1000.0), 1000, "0");

        Targets.Verdict verdict = Targets.coldStart(List.of(empty, existing, bare));

        assertThat(verdict.status()).isEqualTo(Targets.Status.MISSES);
        assertThat(verdict.measured()).startsWith("1.20× empty, 1.40× existing");
    }

    @Test
    void unrelatedRequestsDuringTheLoginStormAreHeldToTheirP99Bound() {
        Targets.Verdict quick = Targets.unrelatedDuringLogins(withLogins(logins(400, 87.5)));
        Targets.Verdict slow = Targets.unrelatedDuringLogins(withLogins(logins(400, 251)));
        Targets.Verdict none = Targets.unrelatedDuringLogins(Fixtures.results(Fixtures.ladders()));

        assertThat(quick.status()).isEqualTo(Targets.Status.MEETS);
        assertThat(quick.measured()).isEqualTo("87.5 ms (400 requests)");
        assertThat(quick.target()).isEqualTo("unrelated request p99 during the login storm ≤ 250 ms");
        assertThat(slow.status()).isEqualTo(Targets.Status.MISSES);
        assertThat(none.status()).isEqualTo(Targets.Status.NOT_MEASURED);
    }

    @Test
    void loginsAreJudgedByTheLoginPathsOwnCpuWithoutTheChatRoundOrTheJitCompiler() {
        // 60 logins in 12 CPU seconds, 2 of them the chat round's and 1 the JIT compiler's: 6.67 per CPU second
        Targets.Verdict net = Targets.logins(withLogins(logins(12, 2, 1, 7.5, 14)));
        Targets.Verdict slow = Targets.logins(withLogins(logins(12, 0.5, 0.5, 7.5, 14)));
        Targets.Verdict chatty = Targets.logins(withLogins(logins(12, 2, 1, 7.5, 16)));

        assertThat(net.status()).isEqualTo(Targets.Status.MEETS);
        assertThat(net.measured()).isEqualTo("0.93× (6.67 logins vs 7.20 hashes per CPU second, without the chat "
                + "round's CPU and the JIT compiler's 1.0 s; 0.83× with the compiler, 0.69× with both); chat p99 "
                + "1.87× (14.0 vs 7.5 ms)");
        assertThat(slow.status()).as("5.45 per warm login CPU second: 0.76×").isEqualTo(Targets.Status.MISSES);
        assertThat(chatty.status()).as("chat p99 2.13×").isEqualTo(Targets.Status.MISSES);
    }

    private static LoginStormBench.Result logins(double cpuSeconds, double chatCpuSeconds, double jitCpuSeconds,
                                                 double chatAlone, double chatDuring) {
        return new LoginStormBench.Result(7.2, 24, 12, 60, 5, cpuSeconds, 60 / cpuSeconds, chatCpuSeconds,
                60 / (cpuSeconds - chatCpuSeconds), 0, 0, 0, null, 20, chatAlone, chatDuring, 0, "0", 100, 10,
                jitCpuSeconds, 60 / (cpuSeconds - chatCpuSeconds - jitCpuSeconds), 200, 1, 2);
    }

    private static LoginStormBench.Result logins(long requests, double p99) {
        return new LoginStormBench.Result(5.9, 24, 12, 60, 5, 12, 5, 1, 5.45, 0, 0, 0, null, 20, 7.5, 20, 0, "0",
                requests, p99);
    }

    private static SuiteResults withLogins(LoginStormBench.Result logins) {
        return with(null, logins);
    }

    /** The fixture's results with W3's and W4's in place of its none. */
    private static SuiteResults with(List<IdleSocketsBench.Result> idle, LoginStormBench.Result logins) {
        SuiteResults r = Fixtures.results(Fixtures.ladders());
        return new SuiteResults(r.machine(), r.loadAtStart(), r.loadAtEnd(), r.durationSeconds(), r.members(),
                r.fanout(), r.latency(), idle, logins, r.upload(), r.coldStart(), r.writes(), r.h2(), r.soak(),
                r.skipped());
    }

    @Test
    void everyTargetOfTheIssueGetsAVerdict() {
        List<Targets.Verdict> all = Targets.check(Fixtures.results(Fixtures.ladders()));

        assertThat(all).hasSize(10);
        assertThat(all).filteredOn(v -> v.status() == Targets.Status.NOT_MEASURED).extracting(Targets.Verdict::target)
                .contains("≤ 28 KB per idle socket", "cold start ≤ 1.3× bare Helidon (empty and existing data)",
                        "W7 CPU per stored message at the lowest paced rate ≤ 2× at the highest (JIT compiler "
                                + "excluded)");
    }
}
