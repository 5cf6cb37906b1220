package org.chatalot.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import org.chatalot.server.config.Cidr;
import org.chatalot.server.config.ForwardedHeaders;

class ProxyResolverTest {
    private static final List<Cidr> TRUSTED = List.of(Cidr.parse("127.0.0.1/32"), Cidr.parse("10.0.0.0/8"),
            Cidr.parse("::1/128"));
    private final ProxyResolver resolver = new ProxyResolver(TRUSTED, ForwardedHeaders.X_FORWARDED);
    private final ProxyResolver rfc7239Resolver = new ProxyResolver(TRUSTED, ForwardedHeaders.FORWARDED);

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
    void byDefaultAForwardedHeaderIsIgnoredBecauseNginxPassesItThroughUntouched() {
        // What nginx sends when a client forges Forwarded: its own X-Forwarded-*, the client's Forwarded as is.
        ClientInfo info = resolve("127.0.0.1", Map.of(
                "Forwarded", "for=10.9.9.9;proto=http;host=evil.example",
                "X-Forwarded-For", "198.51.100.4", "X-Forwarded-Proto", "https",
                "X-Forwarded-Host", "chat.example.com:8443"));

        assertThat(info.clientIp()).isEqualTo("198.51.100.4");
        assertThat(info.scheme()).isEqualTo("https");
        assertThat(info.host()).isEqualTo("chat.example.com:8443");
        assertThat(info.forwardedHeaders()).as("still shown in diagnostics").containsKey("Forwarded");
    }

    @Test
    void aForwardedHeaderAloneIsNotEnoughForTheDefaultFamily() {
        ClientInfo info = resolve("127.0.0.1", Map.of("Forwarded", "for=198.51.100.4;proto=https"));

        assertThat(info.clientIp()).isEqualTo("127.0.0.1");
        assertThat(info.scheme()).isEqualTo("http");
    }

    @Test
    void theRfc7239FamilyReadsForProtoAndHostFromTheClientsElement() {
        ClientInfo info = rfc7239Resolver.resolve(new InetSocketAddress("127.0.0.1", 40000), headers(Map.of(
                "Forwarded", "for=\"[2001:db8::1]:4711\";proto=https;host=chat.example.com:8443, "
                        + "for=10.0.0.3;proto=http;host=inner.local")), false, "upstream:8080");

        assertThat(info.clientIp()).isEqualTo("2001:db8:0:0:0:0:0:1");
        assertThat(info.scheme()).isEqualTo("https");
        assertThat(info.host()).isEqualTo("chat.example.com:8443");
    }

    @Test
    void theRfc7239FamilyIgnoresEveryXForwardedHeaderAndXRealIp() {
        ClientInfo info = rfc7239Resolver.resolve(new InetSocketAddress("127.0.0.1", 40000), headers(Map.of(
                "Forwarded", "for=198.51.100.4;proto=https;host=chat.example.com",
                "X-Forwarded-For", "10.9.9.9, 6.6.6.6", "X-Real-IP", "6.6.6.7",
                "X-Forwarded-Proto", "http", "X-Forwarded-Host", "evil.example")), false, "upstream:8080");

        assertThat(info.clientIp()).isEqualTo("198.51.100.4");
        assertThat(info.scheme()).isEqualTo("https");
        assertThat(info.host()).isEqualTo("chat.example.com");
        ClientInfo withoutForwarded = rfc7239Resolver.resolve(new InetSocketAddress("127.0.0.1", 40000),
                headers(Map.of("X-Forwarded-For", "6.6.6.6", "X-Real-IP", "6.6.6.7")), false, "upstream:8080");
        assertThat(withoutForwarded.clientIp()).isEqualTo("127.0.0.1");
    }

    @Test
    void aForgedRfc7239ElementLeftOfTheProxysOwnIsNotBelieved() {
        // The client sent "for=6.6.6.6;proto=http;host=evil.example"; the proxy appended its own element.
        ClientInfo info = rfc7239Resolver.resolve(new InetSocketAddress("127.0.0.1", 40000), headers(Map.of(
                "Forwarded", "for=6.6.6.6;proto=http;host=evil.example, "
                        + "for=198.51.100.4;proto=https;host=chat.example.com")), false, "upstream:8080");

        assertThat(info.clientIp()).isEqualTo("198.51.100.4");
        assertThat(info.scheme()).isEqualTo("https");
        assertThat(info.host()).isEqualTo("chat.example.com");
    }

    @Test
    void anRfc7239ElementWithoutForStopsTheWalk() {
        ClientInfo info = rfc7239Resolver.resolve(new InetSocketAddress("127.0.0.1", 40000), headers(Map.of(
                "Forwarded", "for=198.51.100.4, proto=https, for=10.0.0.2")), false, "upstream:8080");

        assertThat(info.clientIp()).isEqualTo("10.0.0.2");
    }

    @Test
    void aForgedLeadingSchemeOrHostIsNotBelievedWhenTheProxyAppendsToo() {
        // A proxy that appends to every X-Forwarded header: the client's forged values come first.
        ClientInfo info = resolve("127.0.0.1", Map.of("X-Forwarded-For", "6.6.6.6, 198.51.100.4",
                "X-Forwarded-Proto", "http, https", "X-Forwarded-Host", "evil.example, chat.example.com"));

        assertThat(info.clientIp()).isEqualTo("198.51.100.4");
        assertThat(info.scheme()).isEqualTo("https");
        assertThat(info.host()).isEqualTo("chat.example.com");
    }

    @Test
    void whenTheCountsDifferTheNearestProxysSchemeWins() {
        // The client forged two scheme values; nginx-style proxies overwrite, others append: the last is theirs.
        ClientInfo info = resolve("127.0.0.1", Map.of("X-Forwarded-For", "198.51.100.4",
                "X-Forwarded-Proto", "http, http, https"));

        assertThat(info.scheme()).isEqualTo("https");
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
        return resolver.resolve(new InetSocketAddress(peer, 40000), headers(headers), false, "chat.example.com");
    }

    private static ProxyResolver.HeaderLookup headers(Map<String, String> headers) {
        return name -> Optional.ofNullable(headers.get(name));
    }
}
