package org.chatalot.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.chatalot.model.error.ErrorBody;
import org.chatalot.server.testing.TestServer;

class RateLimitIT {
    @RegisterExtension
    static TestServer server = TestServer.create()
            .with("RATE_LIMIT_BURST", "8").with("RATE_LIMIT_PER_SECOND", "0.05")
            .with("AUTH_RATE_LIMIT_BURST", "2").with("AUTH_RATE_LIMIT_PER_SECOND", "0.05");

    @Test
    void authPathsHaveATighterLimitAndOverflowGets429JsonWithRetryAfter() {
        List<HttpResponse<String>> responses = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            responses.add(server.send(server.request("/api/auth/anything")
                    .header("X-Forwarded-For", "198.51.100.50").GET().build()));
        }

        assertThat(responses).extracting(HttpResponse::statusCode).containsExactly(404, 404, 429);
        HttpResponse<String> limited = responses.get(2);
        assertThat(limited.headers().firstValue("Retry-After")).hasValueSatisfying(
                value -> assertThat(Long.parseLong(value)).isBetween(1L, 20L));
        ErrorBody body = server.read(limited, ErrorBody.class);
        assertThat(body.error().code()).isEqualTo("rate_limited");
        assertThat(body.error().message()).contains("198.51.100.50");
    }

    @Test
    void generalLimitAppliesToEveryPathAndOtherClientsAreUnaffected() {
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            statuses.add(server.send(server.request(i % 2 == 0 ? "/api/health" : "/")
                    .header("X-Forwarded-For", "198.51.100.60").GET().build()).statusCode());
        }

        assertThat(statuses.subList(0, 8)).containsOnly(200);
        assertThat(statuses.subList(8, 10)).containsOnly(429);
        assertThat(server.send(server.request("/api/health")
                .header("X-Forwarded-For", "198.51.100.61").GET().build()).statusCode()).isEqualTo(200);
    }
}
