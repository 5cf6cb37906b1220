package org.chatalot.server.selfcheck;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.chatalot.model.health.DetailedHealth;
import org.chatalot.model.health.SelfCheck;
import org.chatalot.server.testing.TestServer;
import org.chatalot.testing.Poll;

/**
 * The server's look at its own public URL, pointed (SELF_CHECK_CONNECT_ADDR) at TLS listeners started here: one
 * with a certificate from the private CA the server is told to trust (SELF_CHECK_CA_FILE) whose 24-hour life is
 * almost over, one the server is not told to trust. The result is in the detailed health report on the loopback
 * listener and for admins, and in the Prometheus gauges.
 */
class SelfCheckIT {
    static final TlsFront EXPIRING = new TlsFront("23H", 1, 200);
    static final TlsFront UNTRUSTED = new TlsFront("1d", 90, 200);

    @RegisterExtension
    static TestServer watching = TestServer.create().with("PUBLIC_URL", EXPIRING.publicUrl())
            .with("SELF_CHECK_CONNECT_ADDR", EXPIRING.connectAddress())
            .with("SELF_CHECK_CA_FILE", EXPIRING.certificate().toString())
            .with("SELF_CHECK_INTERVAL_SECONDS", "1");

    @RegisterExtension
    static TestServer distrusting = TestServer.create().with("PUBLIC_URL", UNTRUSTED.publicUrl())
            .with("SELF_CHECK_CONNECT_ADDR", UNTRUSTED.connectAddress())
            .with("SELF_CHECK_INTERVAL_SECONDS", "1");

    @RegisterExtension
    static TestServer withoutPublicUrl = TestServer.create();

    @AfterAll
    static void stopFronts() {
        EXPIRING.close();
        UNTRUSTED.close();
    }

    private static SelfCheck awaitSelfCheck(TestServer server) {
        assertThat(Poll.until(() -> detailed(server).selfCheck() != null, Duration.ofSeconds(60)))
                .as("a self-check ran").isTrue();
        return detailed(server).selfCheck();
    }

    private static DetailedHealth detailed(TestServer server) {
        return server.read(server.send(HttpRequest.newBuilder(server.localUri("/health")).GET().build()),
                DetailedHealth.class);
    }

    private static String metrics(TestServer server) {
        return server.send(HttpRequest.newBuilder(server.localUri("/metrics")).GET().build()).body();
    }

    @Test
    void aCertificateInTheLastTenthOfItsLifeFailsWhileThePublicUrlIsUp() {
        SelfCheck check = awaitSelfCheck(watching);

        assertThat(check.status()).isEqualTo(SelfCheck.FAIL);
        assertThat(check.publicUrl()).isEqualTo(EXPIRING.publicUrl());
        assertThat(check.certificate().verified()).isTrue();
        assertThat(check.certificate().stage()).isEqualTo("critical");
        assertThat(check.certificate().lifetimeSeconds()).isEqualTo(Duration.ofDays(1).toSeconds());
        assertThat(check.certificate().secondsLeft()).isBetween(0L, Duration.ofHours(1).toSeconds());
        assertThat(check.findings()).singleElement().satisfies(finding -> {
            assertThat(finding.id()).isEqualTo("certificate.expiry");
            assertThat(finding.severity()).isEqualTo(SelfCheck.FAIL);
            assertThat(finding.message()).contains("the certificate for self.test expires in ",
                    "under a tenth of its 24 h lifetime");
        });
        assertThat(check.throughProxy().up()).isTrue();
        assertThat(check.throughProxy().statusCode()).isEqualTo(200);

        String metrics = metrics(watching);
        assertThat(gauge(metrics, "chatalot_certificate_expiry_seconds")).isBetween(0.0, 3600.0);
        assertThat(gauge(metrics, "chatalot_certificate_lifetime_seconds")).isEqualTo(86400.0);
        assertThat(gauge(metrics, "chatalot_public_url_up")).isEqualTo(1.0);
        assertThat(gauge(metrics, "chatalot_self_check_status")).isEqualTo(2.0);
    }

    @Test
    void adminsSeeTheSelfCheckInTheirHealthReportToo() {
        awaitSelfCheck(watching);
        DetailedHealth health = watching.read(watching.send(watching.request("/api/admin/health")
                .header("Authorization", "Bearer " + watching.users().owner().accessToken()).GET().build()),
                DetailedHealth.class);
        assertThat(Optional.ofNullable(health.selfCheck())).map(SelfCheck::publicUrl)
                .contains(EXPIRING.publicUrl());
    }

    @Test
    void aCertificateTheServerDoesNotTrustIsAFindingAndNothingIsSentOverIt() {
        SelfCheck check = awaitSelfCheck(distrusting);

        assertThat(check.status()).isEqualTo(SelfCheck.FAIL);
        assertThat(check.certificate().verified()).isFalse();
        assertThat(check.certificate().stage()).isEqualTo("valid");
        assertThat(check.findings()).extracting(SelfCheck.Finding::id).containsExactly("certificate.trust");
        assertThat(check.findings().get(0).message()).contains("could not be verified", "SELF_CHECK_CA_FILE");
        assertThat(check.throughProxy().up()).isFalse();
        assertThat(check.throughProxy().detail()).contains("never skips verification");
        assertThat(gauge(metrics(distrusting), "chatalot_certificate_verified")).isEqualTo(0.0);
    }

    @Test
    void withoutAPublicUrlThereIsNoSelfCheckAndNoGauge() {
        assertThat(detailed(withoutPublicUrl).selfCheck()).isNull();
        assertThat(metrics(withoutPublicUrl)).doesNotContain("chatalot_certificate_expiry_seconds");
    }

    private static double gauge(String metrics, String name) {
        Matcher matcher = Pattern.compile("(?m)^" + name + "\\{[^}]*} (\\S+)$").matcher(metrics);
        assertThat(matcher.find()).as(name + " in\n" + metrics).isTrue();
        return Double.parseDouble(matcher.group(1));
    }
}
