package org.chatalot.server.auth;

import java.util.Optional;
import java.util.function.Function;

import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import org.chatalot.model.auth.AuthConfig;
import org.chatalot.model.auth.AuthTokens;
import org.chatalot.model.auth.LoginRequest;
import org.chatalot.model.auth.RecoverRequest;
import org.chatalot.model.auth.RefreshRequest;
import org.chatalot.model.auth.RegisterRequest;
import org.chatalot.server.common.Principal;
import org.chatalot.server.config.ServerConfig;
import org.chatalot.server.error.InvalidInput;
import org.chatalot.server.error.Unauthorized;
import org.chatalot.server.health.BuildInfo;
import org.chatalot.server.http.Access;
import org.chatalot.server.http.Json;
import org.chatalot.server.http.Routes;
import org.chatalot.server.settings.InstanceSettings;

/** {@code /api/auth}: the endpoints used before (and while) signing in. Rate limited more tightly. */
public final class AuthApi implements HttpService {
    private final Registration registration;
    private final Login login;
    private final Sessions sessions;
    private final Access access;
    private final Json json;
    private final RefreshCookie cookie;
    private final AuthConfigSource config;

    public AuthApi(Registration registration, Login login, Sessions sessions, Access access, Json json,
                   RefreshCookie cookie, AuthConfigSource config) {
        this.registration = registration;
        this.login = login;
        this.sessions = sessions;
        this.access = access;
        this.json = json;
        this.cookie = cookie;
        this.config = config;
    }

    @Override
    public void routing(HttpRules rules) {
        Routes.on(rules)
                .get("/config", (req, res) -> json.send(res, config.get()))
                .post("/register", (req, res) -> issue(req, res, Status.CREATED_201, browser ->
                        registration.register(json.read(req, RegisterRequest.class), Access.origin(req))))
                .post("/login", (req, res) -> issue(req, res, Status.OK_200, browser ->
                        login.login(json.read(req, LoginRequest.class), Access.origin(req))))
                .post("/refresh", (req, res) -> issue(req, res, Status.OK_200, browser -> refresh(req, res, browser)))
                .post("/logout", this::logout)
                .post("/recover", (req, res) -> issue(req, res, Status.OK_200, browser ->
                        login.recover(json.read(req, RecoverRequest.class), Access.origin(req))))
                .register();
    }

    /**
     * Answers with new tokens: all in the body for a JSON client; for a browser ({@link RefreshCookie}) the
     * refresh token goes into the cookie and the body goes without it. Tokens are never cached on the way.
     */
    private void issue(ServerRequest request, ServerResponse response, Status status,
                       Function<Boolean, AuthTokens> action) {
        boolean browser = cookie.isBrowser(request);
        AuthTokens tokens = action.apply(browser);
        response.headers().set(HeaderNames.CACHE_CONTROL, "no-store");
        json.send(response, status, browser ? cookie.hand(request, response, tokens) : tokens);
    }

    /**
     * The token comes from the body when there is one, else (for a browser) from the cookie. A browser whose
     * cookie no longer works is told to forget it.
     */
    private AuthTokens refresh(ServerRequest request, ServerResponse response, boolean browser) {
        String token = bodyToken(request);
        if (token == null && !browser) {
            cookie.refuseWithoutHeader(request);
        }
        if (token == null && browser) {
            token = cookie.token(request).orElseThrow(() ->
                    new Unauthorized("invalid_refresh_token", "not signed in on this browser; sign in"));
        }
        try {
            return sessions.refresh(token, Access.origin(request), browser);
        } catch (Unauthorized e) {
            if (browser) {
                cookie.clear(request, response);
            }
            throw e;
        }
    }

    /**
     * Signs out the session of the bearer token, or of the refresh token in the body (or a browser's cookie).
     * An access token that has expired meanwhile does not stop a client that also sends its refresh token from
     * signing out. A browser always ends signed out, its cookie cleared, even when nothing was left to sign out.
     */
    private void logout(ServerRequest request, ServerResponse response) {
        boolean browser = cookie.isBrowser(request);
        String refreshToken = bodyToken(request);
        if (refreshToken == null && browser) {
            refreshToken = cookie.token(request).orElse(null);
        }
        Optional<Principal> caller = caller(request, refreshToken != null || browser);
        if (caller.isPresent()) {
            sessions.revoke(caller.get().userId(), caller.get().username(), caller.get().sessionId(), "logout",
                    Access.origin(request));
        } else if (refreshToken != null) {
            logoutWithRefreshToken(refreshToken, request, browser);
        } else if (!browser) {
            throw new InvalidInput("refresh_token", "required: send the bearer token or the refresh token");
        }
        if (browser) {
            cookie.clear(request, response);
        }
        response.status(Status.NO_CONTENT_204).send();
    }

    private void logoutWithRefreshToken(String refreshToken, ServerRequest request, boolean browser) {
        try {
            sessions.logoutWithRefreshToken(refreshToken, Access.origin(request));
        } catch (Unauthorized e) {
            if (!browser) {
                throw e;
            }
            // A browser's stale cookie: its session is gone already.
        }
    }

    /** The bearer's principal; a bad bearer token is ignored when another way to sign out remains. */
    private Optional<Principal> caller(ServerRequest request, boolean hasFallback) {
        try {
            return access.optional(request);
        } catch (Unauthorized e) {
            if (!hasFallback) {
                throw e;
            }
            return Optional.empty();
        }
    }

    private String bodyToken(ServerRequest request) {
        String token = request.content().hasEntity() ? json.read(request, RefreshRequest.class).refreshToken() : null;
        return token == null || token.isBlank() ? null : token;
    }

    /** Builds {@code GET /api/auth/config} from the configuration and the run-time settings. */
    public record AuthConfigSource(ServerConfig config, InstanceSettings settings, SetupCode setupCode,
                                   BuildInfo build) {
        AuthConfig get() {
            return new AuthConfig(settings.registrationMode(), build.version(), setupCode.isPending(),
                    settings.maxFileSizeMb(), settings.uploadQuotaMb(), PasswordPolicy.MIN_LENGTH,
                    config.calls().iceServers(), setupCode.isPending() ? setupCode.hint() : null);
        }
    }
}
