package org.chatalot.server.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.chatalot.server.testing.TestServer;

/** {@code ADMIN_ALLOWED_CIDRS}: admin paths exist only for clients in those networks, as resolved via proxies. */
class AdminNetworkLimitIT {
    @RegisterExtension
    static TestServer limited = TestServer.create().with("ADMIN_ALLOWED_CIDRS", "198.51.100.0/24");

    @Test
    void adminPathsDoNotExistForClientsOutsideTheAllowedNetworks() {
        String owner = limited.users().owner().accessToken();

        HttpResponse<String> response = limited.users().get(owner, "/api/admin/users");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).contains("\"not_found\"");
    }

    @Test
    void aClientInsideTheAllowedNetworkThroughTheTrustedProxyGetsIn() {
        String owner = limited.users().owner().accessToken();

        HttpResponse<String> response = limited.send(limited.request("/api/admin/users")
                .header("Authorization", "Bearer " + owner).header("X-Forwarded-For", "198.51.100.23").GET()
                .build());

        assertThat(response.statusCode()).isEqualTo(200);
    }

    @Test
    void theLimitAppliesToAdminPathsOnly() {
        String owner = limited.users().owner().accessToken();

        assertThat(limited.users().get(owner, "/api/account/me").statusCode()).isEqualTo(200);
    }
}
