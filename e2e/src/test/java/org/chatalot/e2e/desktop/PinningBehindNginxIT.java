package org.chatalot.e2e.desktop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

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
import org.chatalot.testing.FreePorts;
import org.chatalot.testing.Nginx;
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

    private static final int HTTPS_PORT = FreePorts.next();
    private static final Path TLS = TempDirs.create("admin-tls-");
    private static Nginx nginx;
    private static TestCertificates.Issued ca;
    private static TestCertificates.Issued current;
    private static Path caFile;

    @BeforeAll
    static void front() throws Exception {
        server.users().owner();
        ca = TestCertificates.ca("Chatalot Test CA");
        current = TestCertificates.server(ca, "localhost");
        caFile = TLS.resolve("ca.pem");
        ca.writeCertificatePem(caFile);
        Files.setPosixFilePermissions(TLS, PosixFilePermissions.fromString("rwxr-xr-x"));
        nginx = Nginx.withSite(site(current, server.server().baseUri().getPort())).start(HTTPS_PORT);
    }

    @AfterAll
    static void stop() {
        nginx.close();
        TempDirs.deleteRecursively(TLS);
    }

    /** nginx terminating TLS with {@code identity} for the upstream on {@code upstreamPort}. */
    private static String site(TestCertificates.Issued identity, int upstreamPort) throws IOException {
        String name = pin(identity).substring(0, 16);
        Path certificate = TLS.resolve(name + "-cert.pem");
        Path key = TLS.resolve(name + "-key.pem");
        identity.writeCertificatePem(certificate);
        identity.writeKeyPem(key);
        return """
                server {
                    listen 127.0.0.1:%1$d ssl;
                    server_name localhost;
                    ssl_certificate %2$s;
                    ssl_certificate_key %3$s;
                    add_header Strict-Transport-Security "max-age=31536000" always;
                    location / {
                        proxy_pass http://127.0.0.1:%4$d;
                        proxy_http_version 1.1;
                        proxy_set_header Connection "";
                        proxy_set_header Host $http_host;
                        proxy_set_header X-Forwarded-For $remote_addr;
                        proxy_set_header X-Forwarded-Proto https;
                    }
                }
                """.formatted(HTTPS_PORT, certificate, key, upstreamPort);
    }

    private static void serve(TestCertificates.Issued identity, int upstreamPort) throws IOException {
        nginx.restart(site(identity, upstreamPort), HTTPS_PORT);
    }

    private static URI url() {
        return URI.create("https://localhost:" + HTTPS_PORT);
    }

    private static ServerConnection connect(TrustMode trust) {
        return ServerConnection.open(ConnectionProfile.of("front", url().toString()).withTrust(trust),
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
        serve(renewed, server.server().baseUri().getPort());
        try {
            assertThatThrownBy(() -> connect(new TrustMode.Pinned(approved)).health().read())
                    .isInstanceOfSatisfying(ConnectionProblem.class, problem -> {
                        assertThat(problem.kind()).isEqualTo(ConnectionProblem.Kind.TLS_CERT_CHANGED);
                        assertThat(problem.getMessage()).contains(renewed.certificate().getSubjectX500Principal()
                                .getName());
                    });
            assertThat(connect(new TrustMode.Pinned(pin(renewed))).health().read().status()).isEqualTo(200);
        } finally {
            serve(current, server.server().baseUri().getPort());
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
        serve(renewed, server.server().baseUri().getPort());
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
            serve(current, server.server().baseUri().getPort());
        }
    }

    /** The healthy front passing all 19 checks is AdminAppDoctorEndToEndIT's, with the installer's nginx site. */
    @Test
    void checkFailsOnAnUntrustedChainAndOnADeadUpstream() throws Exception {
        StringWriter out = new StringWriter();
        assertThat(AdminCli.run(new String[] {"check", url().toString(), "--idle-seconds", "1", "--json"},
                new PrintWriter(out), new PrintWriter(new StringWriter()))).isEqualTo(2);
        assertThat(out.toString()).contains("\"id\" : \"tls.chain\"", "\"severity\" : \"fail\"",
                "because the certificate chain is not trusted (see tls.chain)");
        int dead;
        try (ServerSocket socket = new ServerSocket(0)) {
            dead = socket.getLocalPort();
        }
        serve(current, dead);
        try {
            out = new StringWriter();
            int code = AdminCli.run(new String[] {"check", url().toString(), "--ca", caFile.toString(),
                "--idle-seconds", "1", "--json"}, new PrintWriter(out), new PrintWriter(new StringWriter()));
            assertThat(code).isEqualTo(2);
            assertThat(out.toString()).contains("\"id\" : \"http.health\"", "502 HTTP_1_1",
                    "the proxy answers, the Chatalot server behind it does not",
                    "because requests through the proxy do not reach the Chatalot server (see http.health)");
        } finally {
            serve(current, server.server().baseUri().getPort());
        }
    }
}
