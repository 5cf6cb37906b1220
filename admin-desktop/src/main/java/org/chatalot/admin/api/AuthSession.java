package org.chatalot.admin.api;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import org.chatalot.admin.common.SessionExpiredException;
import org.chatalot.model.auth.AuthConfig;
import org.chatalot.model.auth.AuthTokens;
import org.chatalot.model.auth.LoginRequest;
import org.chatalot.model.auth.Me;
import org.chatalot.model.auth.RefreshRequest;
import org.chatalot.model.auth.RegisterRequest;

/**
 * The signed-in session with one server. Refreshes the access token shortly before it expires, and once more
 * if the server still says it expired; when the refresh token is refused too, the session is over and callers
 * get a {@link SessionExpiredException}, which the app answers with a sign-in prompt over the current screen.
 */
public final class AuthSession {
    /** Refresh this long before expiry, so a slow request does not arrive with a just-expired token. */
    private static final Duration EARLY = Duration.ofSeconds(30);
    private static final Set<String> EXPIRED_ACCESS = Set.of("token_expired", "invalid_token", "unauthorized",
            "session_revoked");

    private final HttpTransport transport;
    private final JsonCodec json;
    private final Responses responses;
    private final Clock clock;
    private final TokenListener listener;
    private AuthTokens tokens;
    private Instant accessExpiresAt = Instant.MIN;

    public AuthSession(HttpTransport transport, JsonCodec json, Clock clock, TokenListener listener) {
        this.transport = transport;
        this.json = json;
        this.responses = new Responses(json);
        this.clock = clock;
        this.listener = listener;
    }

    public HttpTransport transport() {
        return transport;
    }

    /** Signs in; an {@link ApiException} with code {@code totp_required} means: ask for the 2FA code. */
    public Me login(String username, String password, String totpCode) throws IOException, InterruptedException {
        LoginRequest request = new LoginRequest(username, password, blankToNull(totpCode), null);
        HttpTransport.Response response = transport.send("POST", Endpoints.LOGIN, json.write(request), null);
        accept(responses.read(response, AuthTokens.class));
        return current().user();
    }

    /**
     * What the server tells anyone before sign-in; {@code setup_required} means it has no owner yet, so a sign-in
     * cannot succeed and the app offers to set it up instead.
     */
    public AuthConfig config() throws IOException, InterruptedException {
        return responses.read(transport.send("GET", Endpoints.AUTH_CONFIG, null, null), AuthConfig.class);
    }

    /**
     * Creates the first owner with the setup code and signs in as them. The answer carries the recovery code,
     * which the server shows this once.
     */
    public AuthTokens setUp(String setupCode, String username, String displayName, String email, String password)
            throws IOException, InterruptedException {
        RegisterRequest request = new RegisterRequest(username, blankToNull(displayName), blankToNull(email),
                password, null, setupCode.strip());
        AuthTokens issued = responses.read(transport.send("POST", Endpoints.REGISTER, json.write(request), null),
                AuthTokens.class);
        accept(issued);
        return issued;
    }

    /** Continues a remembered session from its stored refresh token. */
    public Me resume(String refreshToken) throws IOException, InterruptedException {
        exchange(refreshToken);
        return current().user();
    }

    /**
     * Uses an access token obtained elsewhere (the CLI's {@code --token}): no refresh token, so when the server
     * refuses it the session simply ends.
     */
    public synchronized void useAccessToken(String accessToken) {
        tokens = new AuthTokens(accessToken, "Bearer", Long.MAX_VALUE / 4, null, 0, null, null, null);
        accessExpiresAt = Instant.MAX;
    }

    public synchronized boolean isSignedIn() {
        return tokens != null;
    }

    public synchronized Me user() {
        return tokens == null ? null : tokens.user();
    }

    /**
     * Ends the session on the server too. With a refresh token it is sent instead of the access token: the
     * server accepts either, and an access token that expired while the app sat idle would be refused (401)
     * and leave the session alive on the server.
     */
    public synchronized void logout() throws IOException, InterruptedException {
        if (tokens == null) {
            return;
        }
        AuthTokens ended = tokens;
        tokens = null;
        listener.signedOut();
        if (ended.refreshToken() != null) {
            transport.send("POST", Endpoints.LOGOUT, json.write(new RefreshRequest(ended.refreshToken())), null);
        } else {
            transport.send("POST", Endpoints.LOGOUT, null, ended.accessToken());
        }
    }

    /** Sends an authenticated request, refreshing the access token as needed. */
    public HttpTransport.Response send(String method, String path, byte[] body) throws IOException,
            InterruptedException {
        return send(method, path, body, transport.timeout());
    }

    /** As above, waiting up to {@code limit} for the answer. */
    public HttpTransport.Response send(String method, String path, byte[] body, Duration limit) throws IOException,
            InterruptedException {
        AuthTokens used = freshTokens();
        HttpTransport.Response response = transport.send(method, path, body, used.accessToken(), limit);
        if (response.status() == 401 && isExpiredAccess(response)) {
            refreshAfter(used);
            response = transport.send(method, path, body, current().accessToken(), limit);
        }
        return response;
    }

    /** A valid access token for calls the session does not send itself (downloads, the doctor). */
    public String accessToken() throws IOException, InterruptedException {
        return freshTokens().accessToken();
    }

    private synchronized AuthTokens freshTokens() throws IOException, InterruptedException {
        AuthTokens now = current();
        if (clock.instant().isAfter(accessExpiresAt.minus(EARLY))) {
            exchange(now.refreshToken());
        }
        return current();
    }

    private synchronized void refreshAfter(AuthTokens used) throws IOException, InterruptedException {
        // another thread may have refreshed while this request was in flight: its token is the one to use
        if (current() == used) {
            exchange(used.refreshToken());
        }
    }

    private synchronized void exchange(String refreshToken) throws IOException, InterruptedException {
        if (refreshToken == null) {
            tokens = null;
            throw new SessionExpiredException("The server refused the access token (expired or revoked).");
        }
        HttpTransport.Response response = transport.send("POST", Endpoints.REFRESH,
                json.write(new RefreshRequest(refreshToken)), null);
        if (response.status() == 401 || response.status() == 403) {
            tokens = null;
            listener.signedOut();
            throw new SessionExpiredException("Your session has ended (" + responses.error(response).getMessage()
                    + "). Sign in again to continue.");
        }
        accept(responses.read(response, AuthTokens.class));
    }

    private synchronized void accept(AuthTokens value) {
        tokens = value;
        accessExpiresAt = clock.instant().plusSeconds(Math.max(0, value.expiresIn()));
        listener.refreshTokenChanged(value.refreshToken());
    }

    private synchronized AuthTokens current() {
        if (tokens == null) {
            throw new SessionExpiredException("You are not signed in.");
        }
        return tokens;
    }

    private boolean isExpiredAccess(HttpTransport.Response response) {
        ApiException error = responses.error(response);
        return error.code() == null || EXPIRED_ACCESS.contains(error.code());
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
