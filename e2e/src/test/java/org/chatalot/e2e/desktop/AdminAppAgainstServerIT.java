package org.chatalot.e2e.desktop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import org.chatalot.admin.api.ServerConnection;
import org.chatalot.admin.api.TokenListener;
import org.chatalot.admin.audit.AuditViewModel;
import org.chatalot.admin.common.SessionExpiredException;
import org.chatalot.admin.connection.CertificateProbe;
import org.chatalot.admin.connection.ConnectionProfile;
import org.chatalot.admin.connection.FileSecretStore;
import org.chatalot.admin.connection.JdkSslContextFactory;
import org.chatalot.admin.connection.ProfileStore;
import org.chatalot.admin.health.HealthViewModel;
import org.chatalot.admin.invites.InvitesViewModel;
import org.chatalot.admin.login.LoginViewModel;
import org.chatalot.admin.login.RememberedSessions;
import org.chatalot.admin.testing.ImmediateTaskRunner;
import org.chatalot.admin.testing.ManualTicker;
import org.chatalot.server.testing.TestServer;
import org.chatalot.server.testing.TestUsers;

/**
 * The admin app's ViewModels against the real server: sign-in, the health dashboard,
 * invites, the audit log, refresh-token rotation and sign-out.
 */
class AdminAppAgainstServerIT {
    @RegisterExtension
    static TestServer server = TestServer.create();

    private final ImmediateTaskRunner runner = new ImmediateTaskRunner();

    private ServerConnection signIn(Path dir) {
        server.users().owner();
        List<ServerConnection> signedIn = new ArrayList<>();
        JdkSslContextFactory ssl = new JdkSslContextFactory();
        LoginViewModel login = new LoginViewModel(runner, new ProfileStore(dir), (profile, listener) ->
                ServerConnection.open(profile, ssl, listener), new CertificateProbe(Duration.ofSeconds(15)),
                new RememberedSessions(new FileSecretStore(dir)), signedIn::add);
        login.form().urlProperty().set(server.server().baseUri().toString());
        login.form().usernameProperty().set("owner");
        login.form().passwordProperty().set(TestUsers.PASSWORD);
        login.signIn();
        assertThat(login.errorProperty().get()).isEmpty();
        assertThat(signedIn).hasSize(1);
        return signedIn.get(0);
    }

    @Test
    void signInAndTheHealthDashboardShowTheRealServer(@TempDir Path dir) {
        ServerConnection connection = signIn(dir);
        assertThat(connection.session().user().role().wireName()).isEqualTo("owner");
        HealthViewModel health = new HealthViewModel(runner, connection::api, connection::health,
                new ManualTicker(), Clock.systemUTC());
        health.poll();
        assertThat(health.unreachableProperty().get()).isFalse();
        assertThat(health.tiles().server().valueProperty().get()).isEqualTo("Up");
        assertThat(health.tiles().database().valueProperty().get()).startsWith("Healthy");
        assertThat(health.tiles().version().valueProperty().get()).isNotBlank();
        assertThat(health.latency()).singleElement().matches(point -> point.ok() && point.millis() > 0);
    }

    @Test
    void invitesAndTheAuditLogWorkAgainstTheRealEndpoints(@TempDir Path dir) {
        ServerConnection connection = signIn(dir);
        InvitesViewModel invites = new InvitesViewModel(runner, connection::api, () -> connection.profile().url());
        invites.create(2, 24);
        assertThat(invites.errorProperty().get()).isEmpty();
        assertThat(invites.lastLinkProperty().get()).contains("?invite=");
        invites.revoke(invites.invites().get(0));
        assertThat(invites.errorProperty().get()).isEmpty();

        AuditViewModel audit = new AuditViewModel(runner, connection::api);
        audit.load();
        assertThat(audit.errorProperty().get()).isEmpty();
        assertThat(audit.entries()).extracting(e -> e.action()).isNotEmpty();
    }

    @Test
    void refreshTokensRotateAndSignOutEndsTheSession() throws Exception {
        server.users().owner();
        List<String> stored = new ArrayList<>();
        ServerConnection connection = ServerConnection.open(ConnectionProfile.of("real",
                server.server().baseUri().toString()), new JdkSslContextFactory(), new TokenListener() {
                    @Override
                    public void refreshTokenChanged(String refreshToken) {
                        stored.add(refreshToken);
                    }
                });
        connection.session().login("owner", TestUsers.PASSWORD, null);
        connection.session().resume(stored.get(0));
        assertThat(stored).hasSize(2).doesNotHaveDuplicates();

        ServerConnection stale = ServerConnection.open(connection.profile(), new JdkSslContextFactory(),
                TokenListener.NONE);
        assertThatThrownBy(() -> stale.session().resume(stored.get(0))).isInstanceOf(SessionExpiredException.class)
                .hasMessageContaining("Sign in again");
    }
}
