package org.chatalot.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.chatalot.server.testing.TestServer;

/**
 * Behaviour behind a proxy, seen from outside: HSTS follows the scheme a trusted proxy reports, and rate
 * limits key on the client address a trusted proxy reports, but spoofed headers from anyone else change
 * nothing.
 */
class ProxyAwarenessIT {

    @Nested
    class BehindATrustedProxy {
        @RegisterExtension
        static TestServer server = TestServer.create()
                .with("RATE_LIMIT_BURST", "3").with("RATE_LIMIT_PER_SECOND", "0.01");

        @Test
        void httpsReportedByTheProxyTurnsOnHsts() {
            HttpResponse<String> response = server.send(server.request("/api/health")
                    .header("X-Forwarded-Proto", "https").header("X-Forwarded-For", "198.51.100.1").GET().build());

            assertThat(response.headers().firstValue("Strict-Transport-Security"))
                    .contains("max-age=31536000; includeSubDomains");
        }

        @Test
        void plainHttpHasNoHsts() {
            HttpResponse<String> response = server.send(server.request("/api/health")
                    .header("X-Forwarded-For", "198.51.100.2").GET().build());

            assertThat(response.headers().firstValue("Strict-Transport-Security")).isEmpty();
        }

        @Test
        void eachForwardedClientHasItsOwnRateLimit() {
            assertThat(burst("198.51.100.10", 4)).containsExactly(200, 200, 200, 429);
            assertThat(burst("198.51.100.11", 3)).containsExactly(200, 200, 200);
        }

        private int[] burst(String clientIp, int count) {
            int[] statuses = new int[count];
            for (int i = 0; i < count; i++) {
                statuses[i] = server.send(server.request("/api/health/live")
                        .header("X-Forwarded-For", clientIp).GET().build()).statusCode();
            }
            return statuses;
        }
    }

    @Nested
    class FromAnUntrustedPeer {
        @RegisterExtension
        static TestServer server = TestServer.create()
                .with("TRUSTED_PROXIES", "192.0.2.1/32")
                .with("RATE_LIMIT_BURST", "3").with("RATE_LIMIT_PER_SECOND", "0.01");

        @Test
        void spoofedHttpsDoesNotTurnOnHsts() {
            HttpResponse<String> response = server.send(server.request("/api/health")
                    .header("X-Forwarded-Proto", "https").GET().build());

            assertThat(response.headers().firstValue("Strict-Transport-Security")).isEmpty();
        }

    }

    @Nested
    class SpoofingFromAnUntrustedPeer {
        @RegisterExtension
        static TestServer server = TestServer.create()
                .with("TRUSTED_PROXIES", "192.0.2.1/32")
                .with("RATE_LIMIT_BURST", "3").with("RATE_LIMIT_PER_SECOND", "0.01");

        @Test
        void spoofedClientAddressesShareThePeersRateLimit() {
            int[] statuses = new int[4];
            for (int i = 0; i < statuses.length; i++) {
                statuses[i] = server.send(server.request("/api/health/live")
                        .header("X-Forwarded-For", "198.51.100." + (20 + i))
                        .header("X-Real-IP", "198.51.100." + (40 + i)).GET().build()).statusCode();
            }

            assertThat(statuses).containsExactly(200, 200, 200, 429);
        }
    }
}
