package org.chatalot.server.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.chatalot.server.testing.TestServer;
import org.chatalot.testing.Poll;

class MetricsIT {
    @RegisterExtension
    static TestServer server = TestServer.create();

    @Test
    void prometheusMetricsAreServedOnTheLoopbackListener() {
        server.get("/api/health");
        // The request is counted as it completes, which can be just after its response reached us.
        Pattern counted = Pattern.compile(
                "chatalot_http_requests_seconds_count\\{.*area=\"api\".*method=\"GET\".*status=\"200\"");
        AtomicReference<HttpResponse<String>> scraped = new AtomicReference<>();
        Poll.until(() -> {
            scraped.set(server.send(HttpRequest.newBuilder(server.localUri("/metrics")).GET().build()));
            return counted.matcher(scraped.get().body()).find();
        }, Duration.ofSeconds(15));

        HttpResponse<String> response = scraped.get();

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/plain"));
        assertThat(response.body())
                .contains("jvm_memory_used_bytes{")
                .contains("chatalot_db_connections_active")
                .contains("chatalot_messages_stored_total")
                .contains("chatalot_ws_sockets")
                .contains("chatalot_ws_sessions")
                .contains("chatalot_ws_resumes_total{")
                .containsPattern(counted);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/metrics", "/observe/metrics", "/observe/health", "/health"})
    void nothingOperationalIsOnThePublicPort(String path) {
        assertThat(server.get(path).statusCode()).isEqualTo(404);
    }

    @Test
    void loopbackListenerAnswersJson404ForUnknownPaths() {
        HttpResponse<String> response = server.send(HttpRequest.newBuilder(server.localUri("/nope")).GET().build());

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).contains("\"code\":\"not_found\"");
    }
}
