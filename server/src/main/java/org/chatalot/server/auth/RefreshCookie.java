package org.chatalot.server.auth;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import io.helidon.http.HeaderName;
import io.helidon.http.HeaderNames;
import io.helidon.http.SetCookie;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import org.chatalot.model.ApiPaths;
import org.chatalot.model.auth.AuthTokens;
import org.chatalot.server.error.Forbidden;
import org.chatalot.server.http.ClientInfo;
import org.chatalot.server.http.SameOrigin;

/**
 * Where a browser keeps its refresh token: in an {@code HttpOnly}, {@code SameSite=Strict} cookie sent only to
 * {@code /api/auth}, so the page's scripts never see it and a script injected into the page cannot take the
 * session away. A client opts in per request with {@code X-Chatalot-Client: web}; without it everything stays
 * JSON, as the admin app and scripts expect.
 *
 * <p>A cookie is sent by the browser whoever asks, so requests in cookie mode must come from this server's own
 * page: the custom header cannot be sent cross-site without a CORS preflight (never granted here), and an
 * {@code Origin}, when present, must be this server's. SameSite=Strict keeps the cookie off cross-site requests
 * in the first place.
 */
public final class RefreshCookie {
    static final HeaderName CLIENT_HEADER = HeaderNames.create(ApiPaths.CLIENT_HEADER);

    private final SameOrigin sameOrigin;

    public RefreshCookie(SameOrigin sameOrigin) {
        this.sameOrigin = sameOrigin;
    }

    /**
     * Whether the request asks for cookie mode. Throws Forbidden when it does from a foreign origin, or when it
     * carries the cookie without the header (how a cross-site form post would look, were the cookie sent).
     */
    public boolean isBrowser(ServerRequest request) {
        boolean browser = request.headers().first(CLIENT_HEADER)
                .filter(value -> value.strip().equalsIgnoreCase(ApiPaths.WEB_CLIENT)).isPresent();
        if (!browser) {
            return false;
        }
        Optional<String> origin = request.headers().first(HeaderNames.ORIGIN);
        if (origin.isPresent() && !sameOrigin.allows(origin.get(), ClientInfo.of(request))) {
            throw new Forbidden("cross_origin_refused", "requests from " + origin.get() + " may not use this "
                    + "server's sign-in cookie");
        }
        return true;
    }

    /** The token in the cookie, for a request already known to be in cookie mode. */
    public Optional<String> token(ServerRequest request) {
        return request.headers().cookies().first(ApiPaths.REFRESH_COOKIE).asOptional().filter(v -> !v.isBlank());
    }

    /** Refuses a request that carries the cookie but did not ask for cookie mode. */
    public void refuseWithoutHeader(ServerRequest request) {
        if (request.headers().cookies().contains(ApiPaths.REFRESH_COOKIE)) {
            throw new Forbidden("client_header_required", "to use the sign-in cookie, send "
                    + ApiPaths.CLIENT_HEADER + ": " + ApiPaths.WEB_CLIENT);
        }
    }

    /** Puts the refresh token in the cookie and returns the tokens without it, for the JSON body. */
    public AuthTokens hand(ServerRequest request, ServerResponse response, AuthTokens tokens) {
        response.headers().addCookie(cookie(request, tokens.refreshToken(), Sessions.REFRESH_LIFETIME));
        return new AuthTokens(tokens.accessToken(), tokens.tokenType(), tokens.expiresIn(), null,
                tokens.refreshExpiresIn(), tokens.sessionId(), tokens.user(), tokens.recoveryCode());
    }

    /** Tells the browser to forget the cookie (its session is over). */
    public void clear(ServerRequest request, ServerResponse response) {
        // Helidon leaves out "Max-Age=0"; an expiry in the past is the other standard way to delete a cookie.
        response.headers().addCookie(cookie(request, "").expires(Instant.EPOCH).build());
    }

    private static SetCookie cookie(ServerRequest request, String value, Duration maxAge) {
        return cookie(request, value).maxAge(maxAge).build();
    }

    private static SetCookie.Builder cookie(ServerRequest request, String value) {
        return SetCookie.builder(ApiPaths.REFRESH_COOKIE, value)
                .path(ApiPaths.AUTH)
                .httpOnly(true)
                .sameSite(SetCookie.SameSite.STRICT)
                // Only a trusted proxy can say the browser used HTTPS; a Secure cookie over plain HTTP is lost.
                .secure(ClientInfo.of(request).isHttps());
    }
}
