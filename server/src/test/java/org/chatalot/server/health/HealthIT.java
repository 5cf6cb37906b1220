package org.chatalot.server.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.chatalot.model.health.DetailedHealth;
import org.chatalot.model.health.Health;
import org.chatalot.model.health.Readiness;
import org.chatalot.server.testing.TestServer;

class HealthIT {
    @RegisterExtension
    static TestServer server = TestServer.create();

    @Test
    void healthIsOkWithExactlyTheUpstreamFields() throws Exception {
        HttpResponse<String> response = server.get("/api/health");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Cache-Control")).contains("no-store");
        JsonNode json = server.json().readTree(response.body());
        assertThat(json.fieldNames()).toIterable().containsExactlyInAnyOrder("status", "version", "uptime_secs",
                "db_healthy");
        Health health = server.read(response, Health.class);
        assertThat(health.status()).isEqualTo("ok");
        assertThat(health.dbHealthy()).isTrue();
        assertThat(health.version()).matches("\\d+\\.\\d+\\.\\d+.*");
        assertThat(health.uptimeSecs()).isBetween(0L, 600L);
    }

    @Test
    void liveAnswersWhileTheProcessRuns() {
        HttpResponse<String> response = server.get("/api/health/live");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"status\":\"alive\"}");
    }

    @Test
    void readyListsEachCheck() {
        HttpResponse<String> response = server.get("/api/health/ready");

        assertThat(response.statusCode()).isEqualTo(200);
        Readiness readiness = server.read(response, Readiness.class);
        assertThat(readiness.status()).isEqualTo("ready");
        assertThat(readiness.checks()).extracting(Readiness.Check::name)
                .containsExactly("database", "writes", "disk", "message_writer", "shutdown");
        assertThat(readiness.checks()).allMatch(Readiness.Check::ok);
    }

    @Test
    void detailedHealthIsOnTheLoopbackListenerOnly() {
        HttpResponse<String> local = server.send(java.net.http.HttpRequest.newBuilder(server.localUri("/health"))
                .GET().build());
        HttpResponse<String> publicPort = server.get("/health");

        assertThat(local.statusCode()).isEqualTo(200);
        DetailedHealth detailed = server.read(local, DetailedHealth.class);
        assertThat(detailed.dbHealthy()).isTrue();
        assertThat(detailed.dbLatencyMs()).isGreaterThanOrEqualTo(0);
        assertThat(detailed.diskFreeBytes()).isPositive();
        assertThat(detailed.heapUsedBytes()).isPositive();
        assertThat(detailed.javaVersion()).isEqualTo(Runtime.version().toString());
        assertThat(publicPort.statusCode()).isEqualTo(404);
    }
}
