package org.chatalot.e2e.desktop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import org.chatalot.admin.api.ConnectionProblem;
import org.chatalot.admin.api.ServerConnection;
import org.chatalot.admin.api.TokenListener;
import org.chatalot.admin.cli.AdminCli;
import org.chatalot.admin.connection.CertificateDetails;
import org.chatalot.admin.connection.ConnectionProfile;
import org.chatalot.admin.connection.JdkSslContextFactory;
import org.chatalot.admin.connection.ProfileStore;
import org.chatalot.admin.connection.TrustMode;
import org.chatalot.admin.invites.InvitesViewModel;
import org.chatalot.admin.shell.ShellViewModel;
import org.chatalot.admin.testing.ImmediateTaskRunner;
import org.chatalot.admin.testing.TestCertificates;
import org.chatalot.server.testing.TestServer;
import org.chatalot.server.testing.TestUsers;
import org.chatalot.testing.TempDirs;

/**
 * The admin app's client and CLI through real nginx with a local-CA certificate in front of the real server:
 * a pinned certificate works, a changed one is refused with the reason, system trust explains its failure, and
 * {@code check} exits 2 on an untrusted chain and on a front whose server is down; a certificate changed during a
 * session is reviewed and approved without ending it.
 */
class PinningBehindNginxIT {
    @RegisterExtension
    static TestServer server = TestServer.create();

    private static NginxFront nginx;
    private static TestCertificates.Issued ca;
    private static TestCertificates.Issued current;
    private static Path caFile;

    @BeforeAll
    static void front() throws Exception {
        server.users().owner();
        ca = TestCertificates.ca("Chatalot Test CA");
        current = TestCertificates.server(ca, "localhost");
        caFile = Files.createTempFile(TempDirs.create("admin-ca-"), "ca", ".pem");
        ca.writeCertificatePem(caFile);
        nginx = new NginxFront();
        nginx.start(current, server.server().baseUri().getPort());
    }

    @AfterAll
    static void stop() throws Exception {
        nginx.close();
    }

    private static ServerConnection connect(TrustMode trust) {
        return ServerConnection.open(ConnectionProfile.of("front", nginx.url().toString()).withTrust(trust),
                new JdkSslContextFactory(), TokenListener.NONE);
    }

    private static String pin(TestCertificates.Issued identity) {
        return CertificateDetails.fingerprint(identity.certificate());
    }

    @Test
    void aPinnedCertificateSignsInAndReadsAdminData() throws Exception {
        ServerConnection connection = connect(new TrustMode.Pinned(pin(current)));
        assertThat(connection.session().login("owner", TestUsers.PASSWORD, null).username()).isEqualTo("owner");
        assertThat(connection.api().invites()).isNotNull();
        assertThat(connection.health().read().health().isOk()).isTrue();
    }

    @Test
    void theLocalCaFileIsTrustedToo() throws Exception {
        assertThat(connect(new TrustMode.CaFile(caFile)).health().read().status()).isEqualTo(200);
    }

    @Test
    void systemTrustRefusesThePrivateCaAndExplainsWhy() {
        assertThatThrownBy(() -> connect(TrustMode.system()).health().read())
                .isInstanceOfSatisfying(ConnectionProblem.class, problem -> {
                    assertThat(problem.kind()).isEqualTo(ConnectionProblem.Kind.TLS_UNTRUSTED);
                    assertThat(problem.getMessage()).contains("not signed by a CA this profile trusts");
                });
    }

    @Test
    void aChangedCertificateIsRefusedUntilReapproved() throws Exception {
        String approved = pin(current);
        TestCertificates.Issued renewed = TestCertificates.server(ca, "localhost");
        nginx.start(renewed, server.server().baseUri().getPort());
        try {
            assertThatThrownBy(() -> connect(new TrustMode.Pinned(approved)).health().read())
                    .isInstanceOfSatisfying(ConnectionProblem.class, problem -> {
                        assertThat(problem.kind()).isEqualTo(ConnectionProblem.Kind.TLS_CERT_CHANGED);
                        assertThat(problem.getMessage()).contains(renewed.certificate().getSubjectX500Principal()
                                .getName());
                    });
            assertThat(connect(new TrustMode.Pinned(pin(renewed))).health().read().status()).isEqualTo(200);
        } finally {
            nginx.start(current, server.server().baseUri().getPort());
        }
    }

    /**
     * Mid-session, as when the certificate is renewed while the app is open: the screen's next call is held, the
     * new certificate is offered for review (not "session ended"), and once approved the profile pins it and the
     * held call runs in the same session.
     */
    @Test
    void aCertificateChangedDuringASessionIsReviewedAndTheSessionCarriesOn(@TempDir Path config) throws Exception {
        ImmediateTaskRunner runner = new ImmediateTaskRunner();
        ProfileStore profiles = new ProfileStore(config);
        ShellViewModel shell = new ShellViewModel(runner, profiles);
        runner.setSessionGate(shell);
        ServerConnection connection = connect(new TrustMode.Pinned(pin(current)));
        connection.session().login("owner", TestUsers.PASSWORD, null);
        profiles.put(connection.profile());
        shell.signedIn(connection);
        InvitesViewModel invites = new InvitesViewModel(runner, connection::api, () -> connection.profile().url());
        invites.load();
        assertThat(invites.errorProperty().get()).isEmpty();

        TestCertificates.Issued renewed = TestCertificates.server(ca, "localhost");
        nginx.start(renewed, server.server().baseUri().getPort());
        try {
            invites.create(3, null);
            assertThat(shell.certificateChangeProperty().get()).as("offered for review").isNotNull()
                    .satisfies(change -> {
                        assertThat(change.presented().sha256()).isEqualTo(pin(renewed));
                        assertThat(change.pinnedSha256()).isEqualTo(TrustMode.normalize(pin(current)));
                    });
            assertThat(shell.reloginRequiredProperty().get()).as("not a sign-in prompt").isFalse();
            assertThat(invites.errorProperty().get()).as("nothing failed: it waits").isEmpty();
            assertThat(invites.lastLinkProperty().get()).isEmpty();

            shell.approveCertificate();
            assertThat(shell.certificateChangeProperty().get()).isNull();
            assertThat(invites.lastLinkProperty().get()).as("the held call ran").contains("?invite=");
            assertThat(connection.session().isSignedIn()).isTrue();
            assertThat(profiles.load()).singleElement().extracting(ConnectionProfile::trust)
                    .isEqualTo(new TrustMode.Pinned(pin(renewed)));
        } finally {
            nginx.start(current, server.server().baseUri().getPort());
        }
    }

    /** The healthy front passing all 19 checks is AdminAppDoctorEndToEndIT's, with the installer's nginx site. */
    @Test
    void checkFailsOnAnUntrustedChainAndOnADeadUpstream() throws Exception {
        StringWriter out = new StringWriter();
        assertThat(AdminCli.run(new String[] {"check", nginx.url().toString(), "--idle-seconds", "1", "--json"},
                new PrintWriter(out), new PrintWriter(new StringWriter()))).isEqualTo(2);
        assertThat(out.toString()).contains("\"id\" : \"tls.chain\"", "\"severity\" : \"fail\"",
                "needs a verified TLS connection");
        int dead;
        try (ServerSocket socket = new ServerSocket(0)) {
            dead = socket.getLocalPort();
        }
        nginx.start(current, dead);
        try {
            out = new StringWriter();
            int code = AdminCli.run(new String[] {"check", nginx.url().toString(), "--ca", caFile.toString(),
                "--idle-seconds", "1", "--json"}, new PrintWriter(out), new PrintWriter(new StringWriter()));
            assertThat(code).isEqualTo(2);
            assertThat(out.toString()).contains("\"id\" : \"http.health\"", "502 HTTP_1_1",
                    "The proxy cannot reach the server");
        } finally {
            nginx.start(current, server.server().baseUri().getPort());
        }
    }
}
