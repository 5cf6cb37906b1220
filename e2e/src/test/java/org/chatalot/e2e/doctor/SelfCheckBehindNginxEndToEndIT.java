package org.chatalot.e2e.doctor;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.chatalot.model.health.DetailedHealth;
import org.chatalot.model.health.SelfCheck;
import org.chatalot.server.testing.TestServer;
import org.chatalot.testing.FreePorts;
import org.chatalot.testing.Nginx;
import org.chatalot.testing.Poll;

/**
 * The server's self-check through real nginx with the installer's site and a certificate from a private CA the
 * server is told to trust: a certificate with 2 of its 30 days left fails while the site still answers; once
 * renewed the check turns ok on its own; a proxy that no longer reaches the server is reported as down. Read
 * from the loopback listener's detailed health and Prometheus text, as a monitor would.
 */
class SelfCheckBehindNginxEndToEndIT {
    static final FrontFixture FRONT = new FrontFixture();

    @RegisterExtension
    static TestServer server = TestServer.create().with("PUBLIC_URL", FRONT.publicUrl())
            .with("SELF_CHECK_CA_FILE", FRONT.rootCertificate().toString())
            .with("SELF_CHECK_INTERVAL_SECONDS", "1");

    @AfterAll
    static void cleanUp() {
        FRONT.close();
    }

    @Test
    void anExpiringCertificateFailsRenewalClearsItAndALostUpstreamIsDown() {
        Instant now = Instant.now();
        TestPki.ServerFiles expiring = FRONT.pki.server("expiring", List.of("chat.test"),
                now.minus(Duration.ofDays(28)), now.plus(Duration.ofDays(2)));
        try (Nginx nginx = Nginx.withSite(FRONT.site(server.server().port(), expiring).text())
                .start(FRONT.httpsPort)) {
            SelfCheck soon = await(check -> check.certificate() != null
                    && check.certificate().notAfter().equals(expiring(now)));
            assertThat(soon.status()).isEqualTo(SelfCheck.FAIL);
            assertThat(soon.findings()).extracting(SelfCheck.Finding::id).containsExactly("certificate.expiry");
            assertThat(soon.findings().get(0).message()).contains("expires in ", "under a tenth of its 30 days "
                    + "lifetime");
            assertThat(soon.certificate().verified()).isTrue();
            assertThat(soon.throughProxy().up()).as(soon.throughProxy().detail()).isTrue();
            assertThat(gauge("chatalot_certificate_expiry_seconds")).isBetween(
                    (double) Duration.ofDays(2).minusHours(1).toSeconds(), (double) Duration.ofDays(2).toSeconds());
            assertThat(gauge("chatalot_public_url_up")).isEqualTo(1.0);

            TestPki.ServerFiles renewed = FRONT.goodCertificate;
            nginx.restart(FRONT.site(server.server().port(), renewed).text(), FRONT.httpsPort);
            SelfCheck ok = await(check -> check.status().equals(SelfCheck.OK));
            assertThat(ok.certificate().stage()).isEqualTo("valid");
            assertThat(gauge("chatalot_certificate_expiry_seconds")).isGreaterThan(Duration.ofDays(80).toSeconds());
            assertThat(gauge("chatalot_self_check_status")).isZero();

            nginx.restart(FRONT.site(FreePorts.next(), renewed).text(), FRONT.httpsPort);
            SelfCheck down = await(check -> check.findings().stream().anyMatch(f -> f.id().equals("proxy.health")));
            assertThat(down.throughProxy().statusCode()).isEqualTo(502);
            assertThat(down.throughProxy().up()).isFalse();
            assertThat(gauge("chatalot_public_url_up")).isZero();
        }
    }

    private static Instant expiring(Instant now) {
        // certificates carry whole seconds
        return Instant.ofEpochSecond(now.plus(Duration.ofDays(2)).getEpochSecond());
    }

    private static SelfCheck await(Predicate<SelfCheck> condition) {
        assertThat(Poll.until(() -> current() != null && condition.test(current()), Duration.ofSeconds(90)))
                .as("self-check reached the expected state; last: " + current()).isTrue();
        return current();
    }

    private static SelfCheck current() {
        return server.read(server.send(HttpRequest.newBuilder(server.localUri("/health")).GET().build()),
                DetailedHealth.class).selfCheck();
    }

    private static double gauge(String name) {
        String metrics = server.send(HttpRequest.newBuilder(server.localUri("/metrics")).GET().build()).body();
        Matcher matcher = Pattern.compile("(?m)^" + name + "\\{[^}]*} (\\S+)$").matcher(metrics);
        assertThat(matcher.find()).as(name).isTrue();
        return Double.parseDouble(matcher.group(1));
    }
}
