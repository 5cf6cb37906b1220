package org.chatalot.admin.doctor;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.chatalot.admin.connection.TrustMode;
import org.chatalot.admin.history.HistoryStore;
import org.chatalot.admin.history.Monitor;
import org.chatalot.admin.testing.ImmediateTaskRunner;
import org.chatalot.admin.testing.ManualTicker;
import org.chatalot.admin.testing.StubAdminServer;
import org.chatalot.admin.testing.StubFixture;
import org.chatalot.installer.doctor.Finding;
import org.chatalot.installer.doctor.ProgressListener;

class ChecksViewModelTest {
    private final FakeChecks checks = new FakeChecks();
    private final ManualTicker ticker = new ManualTicker();
    private final List<String> notifications = new ArrayList<>();
    @TempDir
    Path history;
    private ChecksViewModel model;

    /** The checks hand each report to the profile's history, which notifies when it got worse. */
    @BeforeEach
    void setUp() {
        ImmediateTaskRunner runner = new ImmediateTaskRunner();
        Monitor monitor = new Monitor(runner, () -> {
            throw new IllegalStateException("no admin calls here");
        }, new Monitor.Sources(() -> {
            throw new IllegalStateException("no health polls here");
        }, Optional::empty, new HistoryStore(history.resolve("h.jsonl"), Clock.systemUTC()), "chat.example.com"),
                (title, message) -> notifications.add(title + "|" + message), new ManualTicker(), Clock.systemUTC(),
                Duration.ofMinutes(5));
        model = new ChecksViewModel(runner, checks, () -> CheckRequest.of(URI.create("https://chat.example.com"),
                TrustMode.system()), ticker, monitor, Clock.systemUTC());
    }

    @Test
    void aRunShowsFindingsSummaryAndCertificateDaysLeft() {
        checks.willReport(Finding.pass("tls.handshake", "TLS handshake", "ok"),
                Finding.warn("http.hsts", "HSTS header", "missing", "add_header Strict-Transport-Security …"));
        model.run();
        assertThat(model.findings()).extracting(Finding::id).containsExactly("tls.handshake", "http.hsts");
        assertThat(model.summaryProperty().get()).isEqualTo("WARN: 1 pass, 1 warn, 0 fail, 0 skipped");
        assertThat(model.daysLeftProperty().get()).isEqualTo("30 days left");
        assertThat(model.progressProperty().get()).isEqualTo(1.0);
        assertThat(model.runningProperty().get()).isFalse();
    }

    @Test
    void periodicChecksNotifyOnlyWhenAResultGetsWorse() {
        checks.willReport(Finding.pass("tls.expiry", "Certificate validity", "60 days left"));
        model.periodProperty().set(Duration.ofMinutes(15));
        model.periodicProperty().set(true);
        assertThat(ticker.lastPeriod()).isEqualTo(Duration.ofMinutes(15));
        ticker.tick();
        ticker.tick();
        assertThat(notifications).isEmpty();

        checks.willReport(Finding.warn("tls.expiry", "Certificate validity", "20 days left", "renew"));
        ticker.tick();
        assertThat(notifications).singleElement().asString().contains("chat.example.com", "pass → warn");
        ticker.tick();
        assertThat(notifications).hasSize(1);

        model.periodicProperty().set(false);
        assertThat(ticker.activeCount()).isZero();
        assertThat(checks.runs()).isEqualTo(4);
    }

    @Test
    void exportsMarkdownAndJson(@TempDir Path dir) throws Exception {
        model.exportMarkdown(dir.resolve("early.md"));
        assertThat(model.errorProperty().get()).contains("Run the checks first");
        checks.willReport(Finding.fail("http.health", "GET /api/health", "HTTP 502", "start the server"));
        model.run();
        model.exportMarkdown(dir.resolve("report.md"));
        model.exportJson(dir.resolve("report.json"));
        assertThat(Files.readString(dir.resolve("report.md"))).contains("# Deployment check: https://chat.example.com",
                "| GET /api/health (`http.health`) | fail | HTTP 502 | start the server |", "30 days left");
        assertThat(Files.readString(dir.resolve("report.json"))).contains("\"result\" : \"fail\"",
                "\"exit_code\" : 2", "\"days_left\" : 30");
    }

    @Test
    void fromASignedInSessionTheChecksGetItsAccessToken() throws Exception {
        try (StubFixture fixture = new StubFixture()) {
            SignedInChecks signedIn = new SignedInChecks(checks, fixture.connection().session()::accessToken);
            signedIn.run(CheckRequest.of(URI.create("https://chat.example.com"), TrustMode.system()),
                    ProgressListener.NONE);
            assertThat(checks.lastRequest().accessToken()).hasValueSatisfying(token -> assertThat(token)
                    .startsWith("access-"));

            fixture.stub().setExpiresIn(0);
            fixture.connection().session().login("owner", StubAdminServer.PASSWORD, null);
            fixture.stub().close();
            signedIn.run(CheckRequest.of(URI.create("https://chat.example.com"), TrustMode.system()),
                    ProgressListener.NONE);
            assertThat(checks.lastRequest().accessToken()).as("unreachable: run without").isEmpty();
        }
    }
}
