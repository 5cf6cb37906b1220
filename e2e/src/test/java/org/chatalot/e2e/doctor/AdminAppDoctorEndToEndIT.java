package org.chatalot.e2e.doctor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.chatalot.admin.api.JsonCodec;
import org.chatalot.admin.api.ServerConnection;
import org.chatalot.admin.api.TokenListener;
import org.chatalot.admin.cli.AdminCli;
import org.chatalot.admin.connection.ConnectionProfile;
import org.chatalot.admin.connection.JdkSslContextFactory;
import org.chatalot.admin.connection.TrustMode;
import org.chatalot.admin.doctor.CheckRequest;
import org.chatalot.admin.doctor.ChecksViewModel;
import org.chatalot.admin.doctor.DoctorChecks;
import org.chatalot.admin.doctor.DoctorResults;
import org.chatalot.admin.doctor.SignedInChecks;
import org.chatalot.admin.testing.ImmediateTaskRunner;
import org.chatalot.admin.testing.ManualTicker;
import org.chatalot.installer.doctor.Doctor;
import org.chatalot.installer.doctor.DoctorReport;
import org.chatalot.installer.doctor.ProgressListener;
import org.chatalot.model.admin.InstanceSettingsView;
import org.chatalot.server.testing.TestServer;
import org.chatalot.server.testing.TestUsers;
import org.chatalot.testing.Nginx;

/**
 * The admin app's deployment check against the real server behind the installer's nginx site: the check screen
 * (signed in, so with the session's token) and {@code chatalot-admin check} report the same 19 checks with the
 * same results as the installer's doctor, and the body-limit probe uses the upload size the server announces.
 */
class AdminAppDoctorEndToEndIT {
    static final FrontFixture FRONT = new FrontFixture();
    static final Duration IDLE = Duration.ofSeconds(2);

    @RegisterExtension
    static TestServer server = TestServer.create().with("PUBLIC_URL", FRONT.publicUrl());

    private static Nginx nginx;

    @BeforeAll
    static void front() {
        server.users().owner();
        nginx = Nginx.withSite(FRONT.site(server.server().port(), FRONT.goodCertificate).text())
                .start(FRONT.httpsPort);
    }

    @AfterAll
    static void cleanUp() {
        nginx.close();
        FRONT.close();
    }

    private static TrustMode trust() {
        return new TrustMode.CaFile(FRONT.pki.rootCertificate());
    }

    private static CheckRequest request() {
        return CheckRequest.of(URI.create(FRONT.publicUrl()), trust()).withHttpPort(FRONT.httpPort).withIdle(IDLE)
                .withTimeout(Duration.ofSeconds(15));
    }

    private static ServerConnection signInThroughTheFront() throws Exception {
        ServerConnection connection = ServerConnection.open(ConnectionProfile.of("front", FRONT.publicUrl())
                .withTrust(trust()), new JdkSslContextFactory(), TokenListener.NONE);
        connection.session().login("owner", TestUsers.PASSWORD, null);
        return connection;
    }

    private static List<String> verdicts(List<String> ids, List<String> severities) {
        return IntStream.range(0, ids.size()).mapToObj(i -> ids.get(i) + "=" + severities.get(i))
                .toList();
    }

    @Test
    void theCheckScreenRunsTheInstallersDoctorWithTheSessionsToken() throws Exception {
        ServerConnection connection = signInThroughTheFront();
        DoctorReport installer = Doctor.run(FRONT.request(IDLE, connection.session().accessToken()),
                ProgressListener.NONE);

        ChecksViewModel screen = new ChecksViewModel(new ImmediateTaskRunner(), new SignedInChecks(
                new DoctorChecks(Clock.systemUTC()), connection.session()::accessToken),
                AdminAppDoctorEndToEndIT::request, new ManualTicker(), DoctorResults.NONE, Clock.systemUTC());
        screen.run();

        assertThat(screen.errorProperty().get()).isEmpty();
        assertThat(screen.summaryProperty().get()).as(screen.findings().toString())
                .isEqualTo("PASS: 19 pass, 0 warn, 0 fail, 0 skipped");
        assertThat(verdicts(screen.findings().stream().map(f -> f.id()).toList(),
                screen.findings().stream().map(f -> f.severity().label()).toList()))
                .isEqualTo(verdicts(installer.findings().stream().map(f -> f.id()).toList(),
                        installer.findings().stream().map(f -> f.severity().label()).toList()));
        assertThat(screen.certificateProperty().get().subjectAlternativeNames()).contains("DNS:chat.test");
        assertThat(screen.reportProperty().get().chain()).hasSize(2);
    }

    @Test
    void theCheckCommandExitsZeroWithATokenAndSkipsOnlyWhatNeedsOneWithout() throws Exception {
        String token = signInThroughTheFront().session().accessToken();
        String[] common = {"check", FRONT.publicUrl(), "--ca", FRONT.pki.rootCertificate().toString(), "--http-port",
            Integer.toString(FRONT.httpPort), "--idle-seconds", "2", "--json"};
        StringWriter out = new StringWriter();
        int code = AdminCli.run(append(common, "--token", token), new PrintWriter(out),
                new PrintWriter(new StringWriter()));
        JsonNode report = new JsonCodec().mapper().readTree(out.toString());
        assertThat(code).as(out.toString()).isZero();
        assertThat(report.get("findings")).hasSize(19).allMatch(f -> f.get("severity").asText().equals("pass"));

        out = new StringWriter();
        code = AdminCli.run(common, new PrintWriter(out), new PrintWriter(new StringWriter()));
        report = new JsonCodec().mapper().readTree(out.toString());
        assertThat(code).isZero();
        List<String> skipped = new ArrayList<>();
        report.get("findings").forEach(f -> {
            if (f.get("severity").asText().equals("skip")) {
                skipped.add(f.get("id").asText());
            }
        });
        assertThat(skipped).containsExactly("ws.auth", "ws.idle", "proxy.forwarded", "config.public-url");
    }

    @Test
    void theBodyLimitProbeUsesTheUploadSizeTheServerAnnounces() throws Exception {
        ServerConnection connection = signInThroughTheFront();
        connection.api().saveSettings(new InstanceSettingsView(null, 40, null, null));
        try {
            DoctorReport report = new DoctorChecks(Clock.systemUTC()).run(request(), ProgressListener.NONE);
            assertThat(report.finding("proxy.body-limit").orElseThrow().title()).contains("40 MiB");
            assertThat(new DoctorChecks(Clock.systemUTC()).run(request().withMaxFileSizeMb(7),
                    ProgressListener.NONE).finding("proxy.body-limit").orElseThrow().title())
                    .contains("7 MiB");
        } finally {
            connection.api().saveSettings(new InstanceSettingsView(null, 100, null, null));
        }
    }

    private static String[] append(String[] args, String... more) {
        String[] all = Arrays.copyOf(args, args.length + more.length);
        System.arraycopy(more, 0, all, args.length, more.length);
        return all;
    }
}
