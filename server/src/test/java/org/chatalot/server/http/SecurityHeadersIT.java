package org.chatalot.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.chatalot.server.testing.ProbeApi;
import org.chatalot.server.testing.TestServer;

class SecurityHeadersIT {
    @RegisterExtension
    static TestServer server = TestServer.create().withService(ProbeApi.PATH, new ProbeApi());

    @ParameterizedTest
    @ValueSource(strings = {"/", "/api/health", "/api/nope", "/api/probe/boom", "/missing.png"})
    void everyResponseCarriesTheSecurityHeaders(String path) {
        HttpResponse<String> response = server.get(path);

        assertThat(response.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(response.headers().firstValue("X-Frame-Options")).contains("DENY");
        assertThat(response.headers().firstValue("Referrer-Policy")).contains("strict-origin-when-cross-origin");
        assertThat(response.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp ->
                assertThat(csp).contains("default-src 'self'").contains("frame-ancestors 'none'")
                        .contains("connect-src 'self'"));
        assertThat(response.headers().firstValue("Permissions-Policy")).hasValueSatisfying(policy ->
                assertThat(policy).contains("camera=(self)").contains("microphone=(self)"));
        assertThat(response.headers().firstValue("X-Request-Id")).isPresent();
    }

    @Test
    void thePageIsRevalidatedOnEveryLoad() {
        HttpResponse<String> page = server.get("/");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<title>Chatalot</title>");
        assertThat(page.headers().firstValue("Cache-Control")).contains("no-cache");
    }

    @Test
    void missingStaticFileIsJson404() {
        HttpResponse<String> response = server.get("/missing.png");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).contains("\"code\":\"not_found\"");
    }

    @Test
    void listenerSetsTcpNoDelay() {
        assertThat(server.server().usesTcpNoDelay()).isTrue();
    }
}
