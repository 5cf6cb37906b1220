package org.chatalot.server.http;

import java.util.Map;

import io.helidon.webserver.http.ServerRequest;

/**
 * Who sent a request, as far as the server can trust it: the TCP peer, whether that peer is a trusted
 * proxy, and the client address, scheme and host resolved from forwarded headers only when it is.
 *
 * @param clientIp         the address rate limits, audit entries and sessions use
 * @param peerIp           the TCP peer (the proxy, when there is one)
 * @param trustedPeer      whether the peer is in TRUSTED_PROXIES (so its forwarded headers were believed)
 * @param scheme           {@code https} or {@code http} as the client used it
 * @param host             the host (and port, when not default) the client asked for
 * @param forwardedHeaders every forwarded header the request carried, verbatim, for diagnostics
 */
public record ClientInfo(String clientIp,
                         String peerIp,
                         boolean trustedPeer,
                         String scheme,
                         String host,
                         Map<String, String> forwardedHeaders) {
    private static final String CONTEXT_KEY = "chatalot.client-info";

    public boolean isHttps() {
        return "https".equals(scheme);
    }

    /** The origin the client used, e.g. {@code https://chat.example.com}. */
    public String origin() {
        return scheme + "://" + host;
    }

    static void store(ServerRequest request, ClientInfo info) {
        request.context().register(CONTEXT_KEY, info);
    }

    /** The info the request-context filter resolved for this request. */
    public static ClientInfo of(ServerRequest request) {
        return request.context().get(CONTEXT_KEY, ClientInfo.class)
                .orElseThrow(() -> new IllegalStateException("request context filter did not run"));
    }
}
