package org.chatalot.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import org.chatalot.bench.chatalot.ServerLaunch;
import org.chatalot.bench.report.Publisher;
import org.chatalot.bench.report.Report;
import org.chatalot.bench.report.SuiteResults;
import org.chatalot.bench.workload.ColdStartBench;
import org.chatalot.bench.workload.LatencyBench;
import org.chatalot.bench.workload.Rung;

/**
 * The whole suite with tiny sizes against our real server (started from its classes on this test's
 * classpath, as its own process) and the Helidon ceiling: proves every workload's harness works end to end.
 * The figures mean nothing; what is checked is that each part measured what it claims to.
 */
class SuiteSmokeIT {

    @Test
    @Timeout(600)
    void everyWorkloadRunsAgainstTheRealServer(@TempDir Path repo) throws Exception {
        Suite suite = new Suite(Settings.smoke(), ServerLaunch.classpath(System.getProperty("java.class.path")));

        SuiteResults r = suite.run(EnumSet.allOf(Workload.class));

        assertThat(r.skipped()).allSatisfy((what, why) -> assertThat(why).doesNotStartWith("failed"));
        assertFanout(r.fanout().get(SuiteResults.OURS));
        assertFanout(r.fanout().get(SuiteResults.CEILING));
        assertThat(r.latency()).hasSize(2).allSatisfy(SuiteSmokeIT::assertStoredAndDelivered);
        assertThat(r.idle()).hasSize(2).allSatisfy(i -> {
            assertThat(i.sockets()).isEqualTo(16);
            assertThat(i.heapAfter()).isPositive();
        });
        assertThat(r.logins().logins()).isPositive();
        assertThat(r.logins().otherFailures()).isZero();
        assertThat(r.logins().unrelatedRequests()).as("unrelated requests timed during the storm").isPositive();
        assertThat(r.writes().acknowledged()).isPositive();
        assertThat(r.writes().stored()).isGreaterThanOrEqualTo(r.writes().acknowledgedInAll());
        assertThat(r.writes().paced()).hasSize(2).allSatisfy(p -> {
            assertThat(p.acknowledged()).isEqualTo(p.sent());
            assertThat(p.ackP99Ms()).isPositive();
            assertThat(p.serverCpuMicrosPerMessage()).isPositive();
        });
        assertThat(r.coldStart()).extracting(ColdStartBench.Result::server).contains(SuiteResults.OURS,
                SuiteResults.OURS + ", existing data", SuiteResults.CEILING, SuiteResults.OURS + ", no start-up cache");
        assertThat(r.coldStart()).hasSize(6).allSatisfy(c -> assertThat(c.medianMillis()).isPositive());
        assertThat(r.h2()).hasSize(3).allSatisfy(h -> assertThat(h.rows()).isPositive());
        assertThat(r.h2()).allSatisfy(h -> assertThat(h.commitP99Ms()).isPositive());
        assertUpload(r);
        assertThat(r.soak().acknowledged()).isEqualTo(Math.round(Settings.smoke().soakRate()
                * Settings.smoke().soakSeconds()));
        assertThat(r.soak().stored()).isEqualTo(r.soak().acknowledged());
        assertThat(r.soak().compactedBytes()).isPositive().isLessThanOrEqualTo(r.soak().closedFileBytes());

        new Publisher(new Report(repo)).publish(r, "suite", true, Settings.smoke().senders());
        assertThat(repo.resolve("docs/performance.md")).content().contains("<!-- bench:summary -->",
                "<!-- bench:soak -->",
                "| target (issue 10) |", "**Helidon ceiling**", "| rung | our CPU/delivery | ceiling | ratio |");
    }

    private static void assertFanout(List<Rung> ladder) {
        assertThat(ladder).isNotEmpty();
        Rung first = ladder.getFirst();
        assertThat(first.delivered()).isEqualTo(first.expected());
        assertThat(first.p99Ms()).as("measured (how fast is the full run's business)").isPositive();
        assertThat(first.serverCpuMicrosPerDelivery()).isPositive();
        // read from /proc in 10 ms ticks: a smoke rung's few milliseconds may read as 0, never as less or NaN
        assertThat(first.generatorCpuPercent()).as("the generator's own CPU").isNotNaN().isNotNegative();
    }

    private static void assertStoredAndDelivered(LatencyBench.Result result) {
        assertThat(result.complete()).isEqualTo(result.expected());
        assertThat(result.stored()).isEqualTo(result.messages());
    }

    /** Until /api/files is on main the upload reports itself skipped; once it is, it must succeed. */
    private static void assertUpload(SuiteResults r) {
        if (r.upload().skipped() != null) {
            assertThat(r.upload().skipped()).containsAnyOf("/api/files", "nginx");
        } else {
            assertThat(r.upload().ours().status()).isEqualTo(201);
            assertThat(r.upload().sink().status()).isEqualTo(201);
            assertThat(r.upload().oursConcurrent().status()).isEqualTo(201);
            assertThat(r.upload().oursConcurrent().bytes()).isEqualTo(10 * r.upload().ours().bytes());
        }
    }
}
