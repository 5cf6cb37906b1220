package org.chatalot.admin.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
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
    void theServersFindingsAndFieldsThisAppDoesNotKnowAreShown() throws Exception {
        try (StubFixture fixture = new StubFixture()) {
            fixture.stub().reportFindings(new HealthFinding("backups.scheduled", "fail", "Scheduled backup failed",
                    "disk full", "free space"));
            fixture.stub().addHealthFields(Map.of("self_check", Map.of("certificate_days_left", 41,
                    "public_url", "https://chat.example.com")));
            HealthViewModel model = model(fixture, new ManualTicker());
            model.poll();
            assertThat(model.findings()).extracting(HealthFinding::id).containsExactly("backups.scheduled");
            assertThat(model.extras()).containsExactly("self_check.certificate_days_left: 41",
                    "self_check.public_url: https://chat.example.com");
        }
    }
}
