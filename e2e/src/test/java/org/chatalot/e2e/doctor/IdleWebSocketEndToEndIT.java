package org.chatalot.e2e.doctor;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.chatalot.installer.doctor.DoctorReport;
import org.chatalot.installer.doctor.Finding;
import org.chatalot.installer.doctor.ReportWriter;
import org.chatalot.installer.doctor.Severity;
import org.chatalot.server.testing.TestServer;

/**
 * The real 75 s idle hold through real nginx, the one check that needs wall-clock time; the three fronts
 * run at once so the suite pays 75 s once.
 * <ul>
 * <li>installer's site (1 d read timeout), server pings off: the socket survives on the timeout alone;</li>
 * <li>nginx's default 60 s read timeout, server pings ON (the default): the pings keep it alive;</li>
 * <li>default read timeout and pings off: nginx cuts it at 60 s, and the doctor says which lines to add.</li>
 * </ul>
 */
class IdleWebSocketEndToEndIT {
    static final Duration IDLE = Duration.ofSeconds(75);
    static final FrontFixture LONG_TIMEOUT = new FrontFixture();
    static final FrontFixture PINGS = new FrontFixture();
    static final FrontFixture BROKEN = new FrontFixture();

    @RegisterExtension
    static TestServer longTimeoutServer = TestServer.create().with("PUBLIC_URL", LONG_TIMEOUT.publicUrl())
            .with("WS_PING_INTERVAL_SECONDS", "0");

    @RegisterExtension
    static TestServer pingingServer = TestServer.create().with("PUBLIC_URL", PINGS.publicUrl());

    @RegisterExtension
    static TestServer brokenServer = TestServer.create().with("PUBLIC_URL", BROKEN.publicUrl())
            .with("WS_PING_INTERVAL_SECONDS", "0");

    @AfterAll
    static void cleanUp() {
        LONG_TIMEOUT.close();
        PINGS.close();
        BROKEN.close();
    }

    @Test
    void idleSocketSurvivesOnLongTimeoutOrServerPingsAndIsCutAtSixtySecondsWithNeither() {
        FrontSite longTimeout = LONG_TIMEOUT.site(longTimeoutServer.server().port(), LONG_TIMEOUT.goodCertificate);
        FrontSite defaultTimeoutWithPings = PINGS.site(pingingServer.server().port(), PINGS.goodCertificate)
                .remove("        proxy_read_timeout 1d;").remove("        proxy_send_timeout 1d;");
        FrontSite broken = BROKEN.site(brokenServer.server().port(), BROKEN.goodCertificate)
                .remove("        proxy_read_timeout 1d;").remove("        proxy_send_timeout 1d;");
        CompletableFuture<DoctorReport> longRun = CompletableFuture.supplyAsync(() -> LONG_TIMEOUT.check(longTimeout,
                LONG_TIMEOUT.request(IDLE, longTimeoutServer.users().owner().accessToken())));
        CompletableFuture<DoctorReport> pingRun = CompletableFuture.supplyAsync(() -> PINGS.check(
                defaultTimeoutWithPings, PINGS.request(IDLE, pingingServer.users().owner().accessToken())));
        CompletableFuture<DoctorReport> brokenRun = CompletableFuture.supplyAsync(() -> BROKEN.check(broken,
                BROKEN.request(IDLE, brokenServer.users().owner().accessToken())));

        assertHealthy(longRun.join());
        assertHealthy(pingRun.join());
        DoctorReport cut = brokenRun.join();
        List<String> failed = cut.withSeverity(Severity.FAIL).stream().map(Finding::id).toList();
        assertThat(failed).as(ReportWriter.text(cut)).containsExactly("ws.idle");
        assertThat(cut.withSeverity(Severity.WARN)).isEmpty();
        String evidence = cut.finding("ws.idle").orElseThrow().evidence();
        Matcher seconds = Pattern.compile("after (\\d+\\.\\d) s").matcher(evidence);
        assertThat(seconds.find()).as(evidence).isTrue();
        assertThat(Double.parseDouble(seconds.group(1))).as("nginx's default proxy_read_timeout is 60 s")
                .isBetween(55.0, 65.0);
        assertThat(cut.finding("ws.idle").orElseThrow().fix()).contains("proxy_read_timeout 1d;");
    }

    private static void assertHealthy(DoctorReport report) {
        assertThat(report.findings()).as(ReportWriter.text(report)).allMatch(f -> f.severity() == Severity.PASS);
        assertThat(report.finding("ws.idle").orElseThrow().evidence()).contains("still open after 75 s");
    }
}
