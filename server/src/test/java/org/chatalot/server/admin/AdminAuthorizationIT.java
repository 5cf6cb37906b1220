package org.chatalot.server.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.chatalot.model.admin.TargetConfirmation;
import org.chatalot.model.auth.AuthTokens;
import org.chatalot.server.testing.TestServer;
import org.chatalot.server.testing.TestUsers;

/**
 * Who may call what: every admin endpoint for a member, an admin and the owner. Targets are ids that do not
 * exist, so nothing here changes an account.
 */
class AdminAuthorizationIT {
    private static final UUID NOBODY = UUID.fromString("01900000-0000-7000-8000-000000000001");
    private static final TargetConfirmation CONFIRM = new TargetConfirmation(NOBODY, null);

    /** One endpoint and the least role it needs. */
    private record Endpoint(String method, String path, Object body, boolean ownerOnly) {
        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    private static final List<Endpoint> ENDPOINTS = List.of(
            new Endpoint("GET", "/api/admin/users", null, false),
            new Endpoint("POST", "/api/admin/users", Map.of("username", "x"), false),
            new Endpoint("GET", "/api/admin/users/" + NOBODY, null, false),
            new Endpoint("DELETE", "/api/admin/users/" + NOBODY, CONFIRM, false),
            new Endpoint("POST", "/api/admin/users/" + NOBODY + "/suspend", CONFIRM, false),
            new Endpoint("POST", "/api/admin/users/" + NOBODY + "/unsuspend", CONFIRM, false),
            new Endpoint("POST", "/api/admin/users/" + NOBODY + "/password-reset", CONFIRM, false),
            new Endpoint("POST", "/api/admin/users/" + NOBODY + "/totp-reset", CONFIRM, false),
            new Endpoint("POST", "/api/admin/users/" + NOBODY + "/unlock", Map.of(), false),
            new Endpoint("GET", "/api/admin/users/" + NOBODY + "/sessions", null, false),
            new Endpoint("DELETE", "/api/admin/users/" + NOBODY + "/sessions", CONFIRM, false),
            new Endpoint("DELETE", "/api/admin/users/" + NOBODY + "/sessions/" + NOBODY, null, false),
            new Endpoint("POST", "/api/admin/users/" + NOBODY + "/admin", CONFIRM, true),
            new Endpoint("DELETE", "/api/admin/users/" + NOBODY + "/admin", CONFIRM, true),
            new Endpoint("GET", "/api/admin/invites", null, false),
            new Endpoint("GET", "/api/admin/audit", null, false),
            new Endpoint("GET", "/api/admin/audit/export?format=json", null, false),
            new Endpoint("GET", "/api/admin/settings", null, false),
            new Endpoint("PUT", "/api/admin/settings", Map.of(), false),
            new Endpoint("GET", "/api/admin/stats", null, false),
            new Endpoint("GET", "/api/admin/channels", null, false),
            new Endpoint("POST", "/api/admin/channels/" + NOBODY + "/archive", Map.of(), false),
            new Endpoint("POST", "/api/admin/channels/" + NOBODY + "/unarchive", Map.of(), false),
            new Endpoint("DELETE", "/api/admin/channels/" + NOBODY, Map.of("confirm_channel_id", NOBODY), false),
            new Endpoint("GET", "/api/admin/health", null, false),
            new Endpoint("GET", "/api/admin/diagnostics/request", null, false),
            new Endpoint("GET", "/api/admin/backups", null, false),
            new Endpoint("GET", "/api/admin/backups/chatalot-backup-20000101T000000Z.zip", null, true),
            new Endpoint("DELETE", "/api/admin/backups/chatalot-backup-20000101T000000Z.zip", null, false));

    @RegisterExtension
    static TestServer server = TestServer.create();

    private static AuthTokens member;
    private static AuthTokens admin;

    @BeforeAll
    static void accounts() {
        member = server.users().register("matrix-member");
        admin = server.users().admin("matrix-admin");
    }

    @Test
    void withoutATokenEveryAdminEndpointAnswers401() {
        statuses(null).forEach((endpoint, status) -> assertThat(status).as(endpoint.toString()).isEqualTo(401));
    }

    @Test
    void aMemberIsRefusedEverywhere() {
        statuses(member.accessToken()).forEach((endpoint, status) ->
                assertThat(status).as(endpoint.toString()).isEqualTo(403));
    }

    @Test
    void anAdminIsRefusedOnlyWhereTheOwnerIsNeeded() {
        statuses(admin.accessToken()).forEach((endpoint, status) -> {
            if (endpoint.ownerOnly()) {
                assertThat(status).as(endpoint.toString()).isEqualTo(403);
            } else {
                assertThat(status).as(endpoint.toString()).isNotIn(401, 403).isLessThan(500);
            }
        });
    }

    @Test
    void theOwnerIsAllowedEverywhere() {
        statuses(server.users().owner().accessToken()).forEach((endpoint, status) ->
                assertThat(status).as(endpoint.toString()).isNotIn(401, 403).isLessThan(500));
    }

    static Map<Endpoint, Integer> statuses(String token) {
        Map<Endpoint, Integer> result = new java.util.LinkedHashMap<>();
        for (Endpoint endpoint : ENDPOINTS) {
            result.put(endpoint, call(server.users(), token, endpoint).statusCode());
        }
        return result;
    }

    private static HttpResponse<String> call(TestUsers users, String token, Endpoint endpoint) {
        return switch (endpoint.method()) {
            case "GET" -> users.get(token, endpoint.path());
            case "POST" -> users.post(token, endpoint.path(), endpoint.body());
            case "PUT" -> users.put(token, endpoint.path(), endpoint.body());
            case "DELETE" -> endpoint.body() == null ? users.delete(token, endpoint.path())
                    : users.delete(token, endpoint.path(), endpoint.body());
            default -> throw new IllegalArgumentException(endpoint.method());
        };
    }
}
