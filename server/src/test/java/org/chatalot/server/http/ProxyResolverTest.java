package org.chatalot.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import org.chatalot.server.config.Cidr;

class ProxyResolverTest {
    private final ProxyResolver resolver = new ProxyResolver(List.of(Cidr.parse("127.0.0.1/32"),
            Cidr.parse("10.0.0.0/8"), Cidr.parse("::1/128")));

    @Test
    void untrustedPeerIsTheClientWhateverItClaims() {
        ClientInfo info = resolve("203.0.113.7", Map.of("X-Forwarded-For", "1.1.1.1", "X-Forwarded-Proto", "https",
                "X-Real-IP", "2.2.2.2", "X-Forwarded-Host", "evil.example"));

        assertThat(info.clientIp()).isEqualTo("203.0.113.7");
        assertThat(info.trustedPeer()).isFalse();
        assertThat(info.scheme()).isEqualTo("http");
        assertThat(info.host()).isEqualTo("chat.example.com");
        assertThat(info.forwardedHeaders()).containsEntry("X-Forwarded-For", "1.1.1.1");
    }

    @Test
    void trustedProxyGivesTheRightMostUntrustedHop() {
        // The client forged "6.6.6.6"; nginx appended the real address 198.51.100.4; an inner proxy added 10.0.0.2.
        ClientInfo info = resolve("127.0.0.1", Map.of("X-Forwarded-For", "6.6.6.6, 198.51.100.4, 10.0.0.2",
                "X-Forwarded-Proto", "https"));

        assertThat(info.clientIp()).isEqualTo("198.51.100.4");
        assertThat(info.trustedPeer()).isTrue();
        assertThat(info.scheme()).isEqualTo("https");
        assertThat(info.isHttps()).isTrue();
    }

    @Test
    void whenEveryHopIsTrustedTheLeftMostIsTheClient() {
        ClientInfo info = resolve("127.0.0.1", Map.of("X-Forwarded-For", "10.1.1.1, 10.0.0.2"));

        assertThat(info.clientIp()).isEqualTo("10.1.1.1");
    }

    @Test
    void xRealIpIsUsedWhenThereIsNoForwardedFor() {
        assertThat(resolve("127.0.0.1", Map.of("X-Real-IP", "198.51.100.9")).clientIp()).isEqualTo("198.51.100.9");
        assertThat(resolve("127.0.0.1", Map.of("X-Real-IP", "not-an-ip")).clientIp()).isEqualTo("127.0.0.1");
    }

    @Test
    void garbageHopStopsTheWalkInsteadOfBeingBelieved() {
        ClientInfo info = resolve("127.0.0.1", Map.of("X-Forwarded-For", "198.51.100.4, unknown, 10.0.0.2"));

        assertThat(info.clientIp()).isEqualTo("10.0.0.2");
    }

    @Test
    void hopsWithPortsAndBracketsAreUnderstood() {
        assertThat(resolve("127.0.0.1", Map.of("X-Forwarded-For", "198.51.100.4:51234")).clientIp())
                .isEqualTo("198.51.100.4");
        assertThat(resolve("::1", Map.of("X-Forwarded-For", "[2001:db8::7]:443")).clientIp())
                .isEqualTo("2001:db8:0:0:0:0:0:7");
        assertThat(resolve("::1", Map.of("X-Forwarded-For", "2001:db8::7")).clientIp())
                .isEqualTo("2001:db8:0:0:0:0:0:7");
    }

    @Test
    void rfc7239ForwardedHeaderIsPreferred() {
        ClientInfo info = resolve("127.0.0.1", Map.of(
                "Forwarded", "for=\"[2001:db8::1]:4711\";proto=https;host=chat.example.com:8443, for=10.0.0.3",
                "X-Forwarded-For", "9.9.9.9"));

        assertThat(info.clientIp()).isEqualTo("2001:db8:0:0:0:0:0:1");
        assertThat(info.scheme()).isEqualTo("https");
        assertThat(info.host()).isEqualTo("chat.example.com:8443");
    }

    @Test
    void forwardedHostAndUnknownProtoAreValidated() {
        ClientInfo info = resolve("127.0.0.1", Map.of("X-Forwarded-Host", "bad host/<script>",
                "X-Forwarded-Proto", "gopher"));

        assertThat(info.host()).isEqualTo("chat.example.com");
        assertThat(info.scheme()).isEqualTo("http");
        assertThat(info.origin()).isEqualTo("http://chat.example.com");
    }

    private ClientInfo resolve(String peer, Map<String, String> headers) {
        return resolver.resolve(new InetSocketAddress(peer, 40000),
                name -> Optional.ofNullable(headers.get(name)), false, "chat.example.com");
    }
}
