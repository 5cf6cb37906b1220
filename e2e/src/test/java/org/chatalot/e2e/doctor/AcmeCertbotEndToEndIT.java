package org.chatalot.e2e.doctor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.chatalot.installer.cli.InstallerCli;
import org.chatalot.installer.doctor.Doctor;
import org.chatalot.installer.doctor.DoctorReport;
import org.chatalot.installer.doctor.ProgressListener;
import org.chatalot.installer.doctor.ReportWriter;
import org.chatalot.installer.doctor.Severity;
import org.chatalot.installer.tls.TrustMode;
import org.chatalot.server.testing.TestServer;
import org.chatalot.testing.ExternalTools;
import org.chatalot.testing.Nginx;

/**
 * The whole ACME path for real: nginx starts on a short-lived placeholder certificate (as {@code all}
 * does), {@code chatalot-install cert certbot} gets a certificate from pebble over HTTP-01 through
 * nginx's webroot and reloads nginx with its deploy hook, the site is re-rendered onto certbot's live
 * files, a renewal dry run succeeds, and the doctor passes every check trusting only pebble's root.
 */
class AcmeCertbotEndToEndIT {
    static final FrontFixture FRONT = new FrontFixture();

    @RegisterExtension
    static TestServer server = TestServer.create().with("PUBLIC_URL", FRONT.publicUrl());

    @AfterAll
    static void cleanUp() {
        FRONT.close();
    }

    @Test
    void certbotIssuesThroughTheNginxWebrootAndTheDoctorPassesEveryCheck() throws Exception {
        Path certbot = ExternalTools.require("certbot");
        Path letsencrypt = FRONT.dir.resolve("letsencrypt");
        Instant started = Instant.now();
        try (Pebble pebble = new Pebble(FRONT.dir, FRONT.httpPort);
             Nginx nginx = Nginx.withSite(site(FRONT.goodCertificate.fullChain(), FRONT.goodCertificate.key()).text())
                     .start(FRONT.httpsPort)) {
            Files.createDirectories(FRONT.dir.resolve("acme"));
            String hook = String.join(" ", nginx.reloadCommand());
            StringWriter out = new StringWriter();
            int code = InstallerCli.run(new PrintWriter(out, true), new PrintWriter(out, true), "cert", "certbot",
                    "--domain", "chat.test", "--webroot", FRONT.dir.resolve("acme").toString(),
                    "--server", pebble.directoryUrl(), "--server-ca", pebble.apiCa.toString(),
                    "--config-dir", letsencrypt.toString(), "--certbot", certbot.toString(),
                    "--reload-command", hook, "--yes");
            assertThat(code).as(out.toString()).isZero();
            Path live = letsencrypt.resolve("live/chat.test");
            assertThat(live.resolve("fullchain.pem")).exists();

            nginx.reload(site(live.resolve("fullchain.pem"), live.resolve("privkey.pem")).text());
            StringWriter renew = new StringWriter();
            assertThat(InstallerCli.run(new PrintWriter(renew, true), new PrintWriter(renew, true), "cert", "certbot",
                    "--domain", "chat.test", "--webroot", FRONT.dir.resolve("acme").toString(),
                    "--server", pebble.directoryUrl(), "--server-ca", pebble.apiCa.toString(),
                    "--config-dir", letsencrypt.toString(), "--certbot", certbot.toString(),
                    "--reload-command", hook, "--yes")).as("re-running keeps the certificate").isZero();

            Path root = Files.writeString(FRONT.dir.resolve("pebble-root.pem"), pebble.issuingRoot());
            DoctorReport report = Doctor.run(FRONT.request(Duration.ofSeconds(2),
                    server.users().owner().accessToken()).withTrust(TrustMode.caFile(root)),
                    ProgressListener.NONE);
            assertThat(report.findings()).as(ReportWriter.text(report)).allMatch(f -> f.severity() == Severity.PASS);
            assertThat(report.chain().get(0).issuer()).containsIgnoringCase("Pebble Intermediate");
            assertThat(report.chain().get(0).notBefore()).isAfter(started.minusSeconds(120));
        }
    }

    private static FrontSite site(Path fullChain, Path key) {
        return FrontSite.rendered(FRONT.httpsPort, FRONT.httpPort, server.server().port(),
                new TestPki.ServerFiles(fullChain, fullChain, key), FRONT.dir.resolve("acme"));
    }
}
