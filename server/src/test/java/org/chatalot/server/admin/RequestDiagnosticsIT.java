package org.chatalot.server.admin;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.chatalot.model.admin.RequestDiagnostics;
import org.chatalot.server.testing.TestServer;

/** What the server saw of a request, when the peer is not a proxy it trusts but claims to be one. */
class RequestDiagnosticsIT {
    @RegisterExtension
    static TestServer server = TestServer.create().with("TRUSTED_PROXIES", "192.0.2.1/32")
            .with("PUBLIC_URL", "https://chat.example.com");

    @Test
    void spoofedForwardedHeadersFromAnUntrustedPeerAreReportedButNotBelieved() {
        String owner = server.users().owner().accessToken();

        RequestDiagnostics seen = server.read(server.send(server.request("/api/admin/diagnostics/request")
                .header("Authorization", "Bearer " + owner)
                .header("X-Forwarded-For", "203.0.113.9")
                .header("X-Forwarded-Proto", "https")
                .header("X-Real-IP", "203.0.113.10")
                .GET().build()), RequestDiagnostics.class);

        assertThat(seen.peerAddress()).isEqualTo("127.0.0.1");
        assertThat(seen.trustedProxy()).isFalse();
        assertThat(seen.clientIp()).isEqualTo("127.0.0.1");
        assertThat(seen.scheme()).isEqualTo("http");
        assertThat(seen.host()).startsWith("127.0.0.1:");
        assertThat(seen.forwardedHeaders()).containsEntry("X-Forwarded-For", "203.0.113.9")
                .containsEntry("X-Forwarded-Proto", "https").containsEntry("X-Real-IP", "203.0.113.10");
        assertThat(seen.publicUrl()).isEqualTo("https://chat.example.com");
    }

    @Test
    void theListenAddressIsTheServersSideOfTheConnection() {
        String owner = server.users().owner().accessToken();

        RequestDiagnostics seen = server.read(server.send(server.request("/api/admin/diagnostics/request")
                .header("Authorization", "Bearer " + owner).GET().build()), RequestDiagnostics.class);

        assertThat(seen.listenAddress()).isEqualTo("127.0.0.1:" + server.server().port());
    }
}
