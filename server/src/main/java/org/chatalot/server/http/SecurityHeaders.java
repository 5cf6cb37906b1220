package org.chatalot.server.http;

import io.helidon.http.HeaderName;
import io.helidon.http.HeaderNames;
import io.helidon.http.ServerResponseHeaders;
import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;

/**
 * Headers every response carries. HSTS only when the client reached us over HTTPS (as reported by a
 * trusted proxy): sending it over plain HTTP is ignored by browsers and would be a lie in a LAN setup.
 */
public final class SecurityHeaders implements Filter {
    static final HeaderName PERMISSIONS_POLICY = HeaderNames.create("Permissions-Policy");
    static final HeaderName REFERRER_POLICY = HeaderNames.create("Referrer-Policy");
    static final HeaderName X_FRAME_OPTIONS = HeaderNames.create("X-Frame-Options");
    static final HeaderName CONTENT_SECURITY_POLICY_HEADER = HeaderNames.create("Content-Security-Policy");
    static final HeaderName CROSS_ORIGIN_OPENER_POLICY = HeaderNames.create("Cross-Origin-Opener-Policy");

    /**
     * Same-origin everything; {@code connect-src 'self'} covers {@code wss:} to our own host in current
     * browsers; media and images may be {@code blob:} (previews, call streams) or {@code data:}.
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data: blob:; media-src 'self' blob:; connect-src 'self'; font-src 'self'; "
            + "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
    static final String HSTS = "max-age=31536000; includeSubDomains";

    private final String contentSecurityPolicy;

    public SecurityHeaders() {
        this.contentSecurityPolicy = CONTENT_SECURITY_POLICY;
    }

    /**
     * With extra sources: the web client's inline import map (the only inline script there is) and its inlined
     * stylesheet are allowed by their hashes, never by {@code 'unsafe-inline'}.
     */
    public SecurityHeaders(java.util.List<String> scriptSources, java.util.List<String> styleSources) {
        this.contentSecurityPolicy = CONTENT_SECURITY_POLICY
                .replace("script-src 'self'", String.join(" ", prepend("script-src 'self'", scriptSources)))
                .replace("style-src 'self'", String.join(" ", prepend("style-src 'self'", styleSources)));
    }

    private static java.util.List<String> prepend(String first, java.util.List<String> rest) {
        java.util.List<String> all = new java.util.ArrayList<>(rest.size() + 1);
        all.add(first);
        all.addAll(rest);
        return all;
    }

    @Override
    public void filter(FilterChain chain, RoutingRequest request, RoutingResponse response) {
        ServerResponseHeaders headers = response.headers();
        applyBaseline(headers);
        headers.set(CONTENT_SECURITY_POLICY_HEADER, contentSecurityPolicy);
        if (ClientInfo.of(request).isHttps()) {
            headers.set(HeaderNames.STRICT_TRANSPORT_SECURITY, HSTS);
        }
        chain.proceed();
    }

    /** The headers that do not depend on the request (also used for errors raised before routing). */
    static void applyBaseline(ServerResponseHeaders headers) {
        headers.set(HeaderNames.X_CONTENT_TYPE_OPTIONS, "nosniff");
        headers.set(X_FRAME_OPTIONS, "DENY");
        headers.set(CONTENT_SECURITY_POLICY_HEADER, CONTENT_SECURITY_POLICY);
        headers.set(REFERRER_POLICY, "strict-origin-when-cross-origin");
        headers.set(PERMISSIONS_POLICY, "camera=(self), microphone=(self), display-capture=(self), "
                + "geolocation=(), payment=(), usb=()");
        headers.set(CROSS_ORIGIN_OPENER_POLICY, "same-origin");
    }
}
