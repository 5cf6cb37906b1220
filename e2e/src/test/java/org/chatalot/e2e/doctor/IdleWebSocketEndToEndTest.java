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
import org.chatalot.testing.FakeChatSocket;

/**
 * The real 75 s idle hold, the one check that needs wall-clock time. Both fronts run at once so the
 * suite pays 75 s once: the installer's site (1 d read timeout) keeps a socket whose server never pings,
 * and the same site without the timeout lines cuts it at nginx's default 60 s.
 */
class IdleWebSocketEndToEndTest {
    static final Duration IDLE = Duration.ofSeconds(75);
    static final FrontFixture GOOD = new FrontFixture();
    static final FrontFixture BROKEN = new FrontFixture();
    /** Pings off, as WS_PING_INTERVAL_SECONDS=0 on the real server. */
    static final FakeChatSocket SILENT_SOCKET = FakeChatSocket.start(DiagnosticsStandIn.ADMIN_TOKEN, 0);

    @RegisterExtension
    static TestServer goodServer = TestServer.create().with("PUBLIC_URL", GOOD.publicUrl())
            .with("WS_PING_INTERVAL_SECONDS", "0")
            .withService("/api/admin/diagnostics", new DiagnosticsStandIn(GOOD.publicUrl()));

    @RegisterExtension
    static TestServer brokenServer = TestServer.create().with("PUBLIC_URL", BROKEN.publicUrl())
            .with("WS_PING_INTERVAL_SECONDS", "0")
            .withService("/api/admin/diagnostics", new DiagnosticsStandIn(BROKEN.publicUrl()));

    @AfterAll
    static void cleanUp() {
        SILENT_SOCKET.close();
        GOOD.close();
        BROKEN.close();
    }

    @Test
    void idleSocketSurvivesWithLongReadTimeoutAndIsCutAtSixtySecondsWithTheDefault() {
        FrontSite good = GOOD.site(goodServer.server().port(), SILENT_SOCKET.port(), GOOD.goodCertificate);
        FrontSite broken = BROKEN.site(brokenServer.server().port(), SILENT_SOCKET.port(), BROKEN.goodCertificate)
                .remove("        proxy_read_timeout 1d;").remove("        proxy_send_timeout 1d;");
        CompletableFuture<DoctorReport> goodRun = CompletableFuture.supplyAsync(
                () -> GOOD.check(good, GOOD.request(IDLE)));
        CompletableFuture<DoctorReport> brokenRun = CompletableFuture.supplyAsync(
                () -> BROKEN.check(broken, BROKEN.request(IDLE)));

        DoctorReport healthy = goodRun.join();
        assertThat(healthy.findings()).as(ReportWriter.text(healthy)).allMatch(f -> f.severity() == Severity.PASS);
        assertThat(healthy.finding("ws.idle").orElseThrow().evidence()).contains("still open after 75 s");

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
}
