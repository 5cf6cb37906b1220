package org.chatalot.server.http;

import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;

import org.chatalot.server.error.TooMany;

/**
 * Per-client-IP limits on the public listener: one bucket for everything, and a tighter one for
 * {@code /api/auth/*} where each request may cost an Argon2 hash. Answers 429 JSON with Retry-After.
 */
public final class RateLimitFilter implements Filter {
    private static final String AUTH_PREFIX = "/api/auth/";

    private final RateLimiter general;
    private final RateLimiter auth;
    private final ErrorResponses errors;

    public RateLimitFilter(RateLimiter general, RateLimiter auth, ErrorResponses errors) {
        this.general = general;
        this.auth = auth;
        this.errors = errors;
    }

    @Override
    public void filter(FilterChain chain, RoutingRequest request, RoutingResponse response) {
        String ip = ClientInfo.of(request).clientIp();
        long wait = general.acquire(ip);
        if (wait == 0 && request.path().path().startsWith(AUTH_PREFIX)) {
            wait = auth.acquire(ip);
        }
        if (wait > 0) {
            errors.send(response, new TooMany("too many requests from " + ip + "; retry in " + wait + " s", wait));
            return;
        }
        chain.proceed();
    }
}
