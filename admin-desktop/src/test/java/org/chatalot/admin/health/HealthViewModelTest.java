package org.chatalot.admin.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.chatalot.admin.api.HealthProbe;
import org.chatalot.admin.api.ServerConnection;
import org.chatalot.admin.api.TokenListener;
import org.chatalot.admin.connection.ConnectionProfile;
import org.chatalot.admin.connection.JdkSslContextFactory;
import org.chatalot.admin.testing.ImmediateTaskRunner;
import org.chatalot.admin.testing.ManualTicker;
import org.chatalot.admin.testing.StubFixture;
import org.chatalot.model.health.HealthFinding;

class HealthViewModelTest {

    private static HealthViewModel model(StubFixture fixture, ManualTicker ticker) {
        return new HealthViewModel(fixture.runner(), fixture.connection()::api, fixture.connection()::health, ticker,
                Clock.systemUTC());
    }

    @Test
    void pollsOnEveryTickAndFillsTilesAndChart() throws Exception {
        try (StubFixture fixture = new StubFixture()) {
            ManualTicker ticker = new ManualTicker();
            HealthViewModel model = model(fixture, ticker);
            model.start(Duration.ofSeconds(5));
            ticker.tick();
            ticker.tick();
            assertThat(model.latency()).hasSize(3).allMatch(LatencyPoint::ok);
            assertThat(model.tiles().server().valueProperty().get()).isEqualTo("Up");
            assertThat(model.tiles().version().valueProperty().get()).isEqualTo("0.1.0");
            assertThat(model.tiles().uptime().valueProperty().get()).isEqualTo("1 h 2 min");
            assertThat(model.tiles().sockets().valueProperty().get()).isEqualTo("12");
            assertThat(model.tiles().messages().valueProperty().get()).isEqualTo("37 / min");
            assertThat(model.tiles().disk().valueProperty().get()).isEqualTo("40.0 GiB free (40%)");
            model.stop();
            assertThat(ticker.activeCount()).isZero();
        }
    }

    @Test
    void aDegradedServerIsShownAsSuchNotAsUnreachable() throws Exception {
        try (StubFixture fixture = new StubFixture()) {
            fixture.stub().degrade();
            HealthViewModel model = model(fixture, new ManualTicker());
            model.poll();
            assertThat(model.unreachableProperty().get()).isFalse();
            assertThat(model.tiles().server().stateProperty().get()).isEqualTo("bad");
            assertThat(model.tiles().database().valueProperty().get()).startsWith("Not answering");
        }
    }

    @Test
    void aRefusedConnectionIsReportedWithItsReason() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        ServerConnection dead = ServerConnection.open(ConnectionProfile.of("dead", "http://127.0.0.1:" + port),
                new JdkSslContextFactory(), TokenListener.NONE);
        HealthViewModel model = new HealthViewModel(new ImmediateTaskRunner(), dead::api, dead::health,
                new ManualTicker(), Clock.systemUTC());
        model.poll();
        assertThat(model.unreachableProperty().get()).isTrue();
        assertThat(model.unreachableTitleProperty().get()).isEqualTo("Connection refused");
        assertThat(model.unreachableReasonProperty().get()).contains("127.0.0.1:" + port, "refused");
        assertThat(model.tiles().server().valueProperty().get()).isEqualTo("Unreachable");
    }

    @Test
    void anUnknownHostIsReportedAsDns() {
        ServerConnection nowhere = ServerConnection.open(ConnectionProfile.of("x", "https://no-such-host.invalid"),
                new JdkSslContextFactory(), TokenListener.NONE);
        HealthProbe probe = nowhere.health();
        HealthViewModel model = new HealthViewModel(new ImmediateTaskRunner(), nowhere::api, () -> probe,
                new ManualTicker(), Clock.systemUTC());
        model.poll();
        assertThat(model.unreachableTitleProperty().get()).isEqualTo("Name not found");
        assertThat(model.unreachableReasonProperty().get()).contains("no-such-host.invalid", "DNS");
    }

    @Test
    void whenTheServerStopsAnsweringTheTilesKeepTheirLastValueGreyed() throws Exception {
        try (StubFixture fixture = new StubFixture()) {
            HealthViewModel model = model(fixture, new ManualTicker());
            model.poll();
            fixture.stub().close();
            model.poll();
            assertThat(model.tiles().server().valueProperty().get()).isEqualTo("Unreachable");
            assertThat(model.tiles().server().stateProperty().get()).isEqualTo("bad");
            HealthTiles.Tile sockets = model.tiles().sockets();
            assertThat(sockets.valueProperty().get()).isEqualTo("12");
            assertThat(sockets.stateProperty().get()).isEqualTo("stale");
            assertThat(sockets.noteProperty().get()).startsWith("last known ");
            assertThat(model.tiles().version().noteProperty().get()).startsWith("last known ");
        }
    }

    @Test
    void theServersFindingsItsLookAtItsPublicUrlAndFieldsThisAppDoesNotKnowAreShown() throws Exception {
        try (StubFixture fixture = new StubFixture()) {
            fixture.stub().reportFindings(new HealthFinding("backups.scheduled", "fail", "Scheduled backup failed",
                    "disk full", "free space"));
            fixture.stub().addHealthFields(Map.of("self_check", selfCheck("warn", 41 * 86_400 + 3 * 3_600,
                    List.of(Map.of("id", "certificate.expiry", "severity", "warn",
                            "message", "41 days left of 90: renewal is due"))),
                    "replication", Map.of("lag_ms", 12)));
            HealthViewModel model = model(fixture, new ManualTicker());
            model.poll();
            assertThat(model.findings()).extracting(HealthFinding::id)
                    .containsExactly("backups.scheduled", "self_check.certificate.expiry");
            assertThat(model.findings().get(1).title()).isEqualTo("Public URL: certificate expiry");
            assertThat(model.findings().get(1).evidence()).isEqualTo("41 days left of 90: renewal is due");
            HealthTiles.Tile publicUrl = model.tiles().publicUrl();
            assertThat(publicUrl.shownProperty().get()).isTrue();
            assertThat(publicUrl.valueProperty().get()).isEqualTo("Up, certificate 41 d 3 h left");
            assertThat(publicUrl.stateProperty().get()).isEqualTo("warn");
            assertThat(publicUrl.noteProperty().get()).startsWith("checked by the server 20");
            assertThat(model.extras()).as("the self-check is shown apart, not as raw fields")
                    .containsExactly("replication.lag_ms: 12");
        }
    }

    @Test
    void aServerThatDoesNotCheckItsPublicUrlHasNoSuchTile() throws Exception {
        try (StubFixture fixture = new StubFixture()) {
            HealthViewModel model = model(fixture, new ManualTicker());
            model.poll();
            assertThat(model.tiles().publicUrl().shownProperty().get()).isFalse();
            assertThat(model.findings()).isEmpty();
        }
    }

    @Test
    void aProxyThatDoesNotReachTheServerIsWhatThePublicUrlTileSays() throws Exception {
        try (StubFixture fixture = new StubFixture()) {
            Map<String, Object> check = new java.util.HashMap<>(selfCheck("fail", -3_600, List.of()));
            check.put("through_proxy", Map.of("up", false, "status_code", 502, "latency_ms", 3.0,
                    "detail", "502 Bad Gateway"));
            fixture.stub().addHealthFields(Map.of("self_check", check));
            HealthViewModel model = model(fixture, new ManualTicker());
            model.poll();
            assertThat(model.tiles().publicUrl().valueProperty().get())
                    .isEqualTo("HTTP 502, certificate expired 1 h 0 min ago");
            assertThat(model.tiles().publicUrl().stateProperty().get()).isEqualTo("bad");
        }
    }

    /** {@code self_check} as the server reports it in detailed health (its JSON names). */
    static Map<String, Object> selfCheck(String status, long secondsLeft, List<Map<String, String>> findings) {
        return Map.of("public_url", "https://chat.example.com", "checked_at", "2026-12-06T21:40:00Z",
                "status", status,
                "certificate", Map.of("subject", "CN=chat.example.com", "issuer", "CN=R11",
                        "not_before", "2026-09-17T00:00:00Z", "not_after", "2026-12-16T00:00:00Z",
                        "seconds_left", secondsLeft, "lifetime_seconds", 90 * 86_400, "verified", true,
                        "stage", secondsLeft < 0 ? "expired" : "renewal_due"),
                "through_proxy", Map.of("up", true, "status_code", 200, "latency_ms", 4.2, "detail", "ok"),
                "findings", findings);
    }
}
