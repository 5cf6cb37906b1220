package org.chatalot.admin.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.chatalot.admin.connection.CertificateDetails;
import org.chatalot.admin.testing.ManualTicker;
import org.chatalot.admin.testing.StubFixture;
import org.chatalot.model.health.HealthFinding;

/**
 * The background checks against the stub server: each result is kept in the profile's history and compared with
 * the previous one, across a restart of the app too, and only a worse one notifies.
 */
class MonitorTest {
    @TempDir
    Path dir;

    private final List<String> notified = new ArrayList<>();
    private final ManualTicker ticker = new ManualTicker();

    private Monitor monitor(StubFixture fixture, Optional<CertificateDetails> certificate) {
        HistoryStore history = new HistoryStore(dir.resolve("production.jsonl"), Clock.systemUTC());
        return new Monitor(fixture.runner(), fixture.connection()::api, new Monitor.Sources(
                fixture.connection()::health, () -> certificate, history, "Production"),
                (title, message) -> notified.add(title + "|" + message), ticker, Clock.systemUTC(),
                Duration.ofMinutes(5));
    }

    @Test
    void onlyAWorseResultNotifiesAndTheComparisonSurvivesARestart() throws Exception {
        try (StubFixture fixture = new StubFixture()) {
            Monitor first = monitor(fixture, Optional.empty());
            first.start();
            assertThat(first.latestProperty().get().health()).isEqualTo("ok");
            assertThat(ticker.lastPeriod()).isEqualTo(Duration.ofMinutes(5));
            ticker.tick();
            assertThat(notified).as("unchanged").isEmpty();

            fixture.stub().reportFindings(new HealthFinding("backups.scheduled", "fail", "Scheduled backup failed",
                    "the backup of 03:00 failed: disk full", "free space"));
            ticker.tick();
            assertThat(notified).singleElement().asString().startsWith("Production got worse|")
                    .contains("Scheduled backup failed: pass → fail");
            first.stop();
            assertThat(ticker.activeCount()).isZero();

            Monitor restarted = monitor(fixture, Optional.empty());
            restarted.start();
            assertThat(restarted.samples()).hasSize(4);
            assertThat(notified).as("still failing is not news").hasSize(1);

            fixture.stub().close();
            restarted.checkNow();
            assertThat(restarted.latestProperty().get().health()).isEqualTo("unreachable");
            assertThat(notified).hasSize(2).last().asString().contains("Server: ok → unreachable",
                    "Connection refused");
        }
    }

    @Test
    void aCertificateEnteringItsRenewalWindowNotifies() throws Exception {
        try (StubFixture fixture = new StubFixture()) {
            Instant now = Instant.now();
            CertificateDetails fresh = new CertificateDetails("CN=chat", "CN=CA", List.of("DNS:chat"),
                    now.minus(Duration.ofDays(10)), now.plus(Duration.ofDays(80)), "AB".repeat(32), "EC");
            CertificateDetails ageing = new CertificateDetails("CN=chat", "CN=CA", List.of("DNS:chat"),
                    now.minus(Duration.ofDays(70)), now.plus(Duration.ofDays(20)), "CD".repeat(32), "EC");
            monitor(fixture, Optional.of(fresh)).checkNow();
            Monitor later = monitor(fixture, Optional.of(ageing));
            later.checkNow();
            assertThat(later.latestProperty().get().certState()).isEqualTo("warn");
            assertThat(notified).singleElement().asString().contains("Certificate: 19 days left (warn)");
        }
    }

    @Test
    void theServersOwnLookAtItsPublicUrlGettingWorseNotifies() throws Exception {
        try (StubFixture fixture = new StubFixture()) {
            Monitor monitor = monitor(fixture, Optional.empty());
            fixture.stub().addHealthFields(Map.of("self_check", Map.of("status", "ok", "findings", List.of())));
            monitor.checkNow();
            fixture.stub().addHealthFields(Map.of("self_check", Map.of("status", "fail", "findings",
                    List.of(Map.of("id", "certificate.expiry", "severity", "fail",
                            "message", "expired 2 h ago")))));
            monitor.checkNow();
            assertThat(monitor.latestProperty().get().findings()).extracting(Sample.Item::id)
                    .containsExactly("self_check.certificate.expiry");
            assertThat(notified).singleElement().asString()
                    .contains("Public URL: certificate expiry: pass → fail");
        }
    }
}
