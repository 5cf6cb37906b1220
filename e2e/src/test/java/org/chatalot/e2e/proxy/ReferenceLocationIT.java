package org.chatalot.e2e.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.chatalot.server.testing.TestServer;
import org.chatalot.testing.FreePorts;
import org.chatalot.testing.Nginx;

/**
 * The reference guide's {@code location /} has no {@code proxy_http_version 1.1}, so nginx speaks HTTP/1.0
 * to the server. Helidon alone would answer every such request with 505; the server must serve them.
 */
class ReferenceLocationIT {
    private static final int PROXY_PORT = FreePorts.next();

    @RegisterExtension
    static TestServer server = TestServer.create();

    @Test
    void apiAndStaticFilesWorkThroughNginxSpeakingHttp10Upstream() throws Exception {
        String site = """
                server {
                    listen %1$d;
                    server_name chat.test;
                    client_max_body_size 110M;
                    location / {
                        proxy_pass http://127.0.0.1:%2$d;
                        proxy_set_header Host $host;
                        proxy_set_header X-Real-IP $remote_addr;
                        proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
                        proxy_set_header X-Forwarded-Proto $scheme;
                    }
                }
                """.formatted(PROXY_PORT, server.server().port());
        HttpClient client = HttpClient.newHttpClient();
        URI base = URI.create("http://127.0.0.1:" + PROXY_PORT);
        try (Nginx nginx = Nginx.withSite(site).start(PROXY_PORT)) {
            HttpResponse<String> health = client.send(HttpRequest.newBuilder(base.resolve("/api/health")).build(),
                    HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> page = client.send(HttpRequest.newBuilder(base.resolve("/")).build(),
                    HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> post = client.send(HttpRequest.newBuilder(base.resolve("/api/auth/login"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"nobody\",\"password\":\"x\"}"))
                    .build(), HttpResponse.BodyHandlers.ofString());

            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.body()).contains("\"status\":\"ok\"");
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains("<title>Chatalot</title>");
            assertThat(post.statusCode()).as(post.body()).isEqualTo(401);
            assertThat(post.body()).contains("invalid_credentials");
        }
    }
}
