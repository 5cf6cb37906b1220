package org.chatalot.e2e.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import org.chatalot.model.admin.RequestDiagnostics;
import org.chatalot.server.testing.TestServer;

/**
 * A client in front of one of the proxies we ship, rendered by the installer, sends every forwarded header
 * there is with values of its choosing. None of them may change what the server believes about it: its
 * address (rate limits, the admin network, the audit log), the scheme and the host (the WebSocket Origin
 * check). The honest client next to it must still be seen as itself.
 *
 * <p>Clients connect from 127.0.0.2 and up; the front reaches the server from 127.0.0.1, the only trusted
 * proxy (the default TRUSTED_PROXIES). The admin API is open to 127.0.0.2 alone.
 */
abstract class ForgedForwardedHeadersContract {
    static final String HONEST = "127.0.0.2";
    static final String SPOOFER = "127.0.0.3";
    static final String ROTATING_SPOOFER = "127.0.0.4";
    static final int AUTH_BURST = 5;
    static final String DIAGNOSTICS = "/api/admin/diagnostics/request";

    /** A server configured as the installer's env file does, with a small auth burst and the admin network. */
    static TestServer server() {
        return TestServer.create().with("ADMIN_ALLOWED_CIDRS", HONEST + "/32")
                .with("AUTH_RATE_LIMIT_BURST", Integer.toString(AUTH_BURST))
                .with("AUTH_RATE_LIMIT_PER_SECOND", "0.001");
    }

    abstract TestServer testServer();

    /** The front's public origin, e.g. {@code https://chat.test:18443}. */
    abstract URI front();

    /** The CA that signed the front's certificate. */
    abstract Path trustedRoot();

    /** Every forwarded header, in both families, claiming {@code address}, plain http and a foreign host. */
    static Map<String, String> forged(String address) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Forwarded", "for=" + address + ";proto=http;host=evil.test");
        headers.put("X-Forwarded-For", address);
        headers.put("X-Real-IP", address);
        headers.put("X-Forwarded-Proto", "http");
        headers.put("X-Forwarded-Host", "evil.test");
        return headers;
    }

    FrontClient client(String address) {
        return new FrontClient(address, front(), trustedRoot());
    }

    String ownerToken() {
        return testServer().users().owner().accessToken();
    }

    @Test
    void theHonestClientIsSeenAsItselfOverHttps() {
        RequestDiagnostics seen = diagnostics(client(HONEST).get(DIAGNOSTICS, ownerToken(), Map.of()));

        assertThat(seen.trustedProxy()).isTrue();
        assertThat(seen.clientIp()).isEqualTo(HONEST);
        assertThat(seen.scheme()).isEqualTo("https");
        assertThat(seen.host()).isEqualTo(front().getAuthority());
    }

    @Test
    void forgedHeadersChangeNeitherAddressNorSchemeNorHost() {
        RequestDiagnostics seen = diagnostics(client(HONEST).get(DIAGNOSTICS, ownerToken(),
                forged("198.51.100.7")));

        assertThat(seen.clientIp()).isEqualTo(HONEST);
        assertThat(seen.scheme()).isEqualTo("https");
        assertThat(seen.host()).isEqualTo(front().getAuthority());
        // And the front itself did not pass the forged values on (the installer's configuration removes them).
        assertThat(seen.forwardedHeaders()).doesNotContainKey("Forwarded");
        assertThat(seen.forwardedHeaders().getOrDefault("X-Real-IP", HONEST)).isEqualTo(HONEST);
        assertThat(seen.forwardedHeaders().get("X-Forwarded-Proto")).isEqualTo("https");
    }

    @Test
    void aForgedAddressDoesNotOpenTheAdminNetwork() {
        HttpResponse<String> response = client(SPOOFER).get(DIAGNOSTICS, ownerToken(), forged(HONEST));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(404);
    }

    @Test
    void theAuditLogRecordsTheRealAddressOfAFailedLogin() throws Exception {
        String username = "nobody-" + getClass().getSimpleName().toLowerCase().substring(0, 10);
        HttpResponse<String> login = client(SPOOFER).postJson("/api/auth/login",
                "{\"username\":\"" + username + "\",\"password\":\"wrong\"}", forged("203.0.113.66"));
        assertThat(login.statusCode()).as(login.body()).isEqualTo(401);

        HttpResponse<String> audit = client(HONEST).get("/api/admin/audit?action=auth.login_failed&target_id="
                + username, ownerToken(), Map.of());
        assertThat(audit.statusCode()).as(audit.body()).isEqualTo(200);
        JsonNode entries = testServer().json().readTree(audit.body()).path("entries");
        assertThat(entries).hasSize(1);
        assertThat(entries.get(0).path("ip").asText()).isEqualTo(SPOOFER);
    }

    @Test
    void aForgedSchemeAndHostDoNotPassTheWebSocketOriginCheck() {
        Map<String, String> foreign = new LinkedHashMap<>(forged(SPOOFER));
        foreign.put("Origin", "http://evil.test");

        assertThat(client(SPOOFER).upgrade(foreign)).isEqualTo(403);
        assertThat(client(SPOOFER).upgrade(Map.of("Origin", front().toString()))).isEqualTo(101);
    }

    @Test
    void forgedAddressesShareTheRealAddresssRateLimit() {
        FrontClient client = client(ROTATING_SPOOFER);
        int[] statuses = new int[AUTH_BURST + 1];
        for (int i = 0; i < statuses.length; i++) {
            statuses[i] = client.get("/api/auth/config", null, forged("198.51.100." + (100 + i))).statusCode();
        }

        assertThat(statuses).as("a burst of %d, then 429", AUTH_BURST).endsWith(429);
        assertThat(statuses).containsOnlyOnce(429);
    }

    private RequestDiagnostics diagnostics(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return testServer().read(response, RequestDiagnostics.class);
    }
}
