package org.chatalot.admin.testing;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import org.chatalot.admin.api.JsonCodec;
import org.chatalot.model.admin.AdminUser;
import org.chatalot.model.auth.AuthConfig;
import org.chatalot.model.auth.AuthTokens;
import org.chatalot.model.auth.Me;
import org.chatalot.model.auth.RegistrationMode;
import org.chatalot.model.error.ErrorBody;
import org.chatalot.model.health.DetailedHealth;
import org.chatalot.model.health.Health;
import org.chatalot.model.health.HealthFinding;
import org.chatalot.model.user.Role;
import org.chatalot.model.user.UserStatus;

/**
 * A stand-in for the server on a random loopback port, with its routes and JSON shapes (the shared-model records
 * and the {@code {"error":{…}}} body): sign-in with optional 2FA, rotating refresh tokens, logout by refresh token,
 * the admin endpoints over {@link StubData} acting as the signed-in user, health. Tests flip its switches (expire
 * the access token, end the session, degrade health) to exercise paths the real server cannot be driven into on
 * demand; {@code e2e/…/desktop} runs the same app code against the real server.
 */
public final class StubAdminServer implements AutoCloseable {
    public static final String PASSWORD = "correct horse battery staple";
    public static final String SETUP_CODE = "STUB-SETUP-CODE";
    public static final String RECOVERY_CODE = "RCVR-1234-5678-9ABC";

    private final HttpServer server;
    private final JsonCodec json = new JsonCodec();
    private final StubData data = new StubData();
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final AtomicInteger counter = new AtomicInteger();
    private volatile String accessToken;
    private volatile String refreshToken;
    private volatile boolean totpRequired;
    private volatile boolean degraded;
    private volatile boolean sessionEnded;
    private volatile long expiresIn = 900;
    private volatile String signedIn = "owner";
    private volatile boolean loggedOut;
    private volatile boolean needsSetup;
    private volatile List<HealthFinding> findings = List.of();
    private volatile Map<String, Object> extraHealth = Map.of();

    public StubAdminServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    public URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    public StubData data() {
        return data;
    }

    public List<String> requests() {
        return requests;
    }

    public void requireTotp() {
        totpRequired = true;
    }

    /** No owner yet: {@code /api/auth/config} says so, sign-in fails and the setup code creates "owner". */
    public void needSetup() {
        needsSetup = true;
    }

    /** What detailed health reports as needing attention (a failed scheduled backup, say). */
    public void reportFindings(HealthFinding... reported) {
        findings = List.of(reported);
    }

    /** Fields a newer server adds to detailed health, which this app has no tile for. */
    public void addHealthFields(Map<String, Object> fields) {
        extraHealth = Map.copyOf(fields);
    }

    public void degrade() {
        degraded = true;
    }

    /** The next admin call gets 401 token_expired; the refresh still works. */
    public void expireAccessToken() {
        accessToken = "expired-" + accessToken;
    }

    /** The access token expires and the refresh token is refused: the session is over. */
    public void endSession() {
        expireAccessToken();
        sessionEnded = true;
    }

    /** True once the app signed out on the server (with its refresh token or a valid access token). */
    public boolean isLoggedOut() {
        return loggedOut;
    }

    public void setExpiresIn(long seconds) {
        expiresIn = seconds;
    }

    private void handle(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getPath();
        requests.add(method + " " + exchange.getRequestURI());
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            route(exchange, method, path, body);
        } catch (RuntimeException e) {
            send(exchange, 500, ErrorBody.of("internal_error", e.toString()));
        }
    }

    private void route(HttpExchange exchange, String method, String path, byte[] body) throws IOException {
        switch (path) {
            case "/api/health" -> send(exchange, degraded ? 503 : 200, new Health(degraded ? "degraded" : "ok",
                    "0.1.0", 3725, !degraded));
            case "/api/auth/config" -> send(exchange, 200, new AuthConfig(RegistrationMode.INVITE_ONLY, "0.1.0",
                    needsSetup, 100, 500, 10, List.of(), needsSetup ? "printed in the server's log at start-up and"
                    + " stored in /var/lib/chatalot/setup-code on the server" : null));
            case "/api/auth/register" -> register(exchange, json.mapper().readTree(body));
            case "/api/auth/login" -> login(exchange, json.mapper().readTree(body));
            case "/api/auth/refresh" -> refresh(exchange, json.mapper().readTree(body));
            case "/api/auth/logout" -> logout(exchange, body);
            default -> {
                if (!path.startsWith("/api/admin/")) {
                    send(exchange, 404, ErrorBody.of("not_found", "no such path"));
                } else if (!("Bearer " + accessToken).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                    send(exchange, 401, ErrorBody.of("token_expired", "the access token has expired"));
                } else if (path.equals("/api/admin/health")) {
                    ObjectNode detail = json.mapper().valueToTree(new DetailedHealth("ok", "0.1.0", 3725, true, 0.4,
                            40L << 30, 100L << 30, 200L << 20, 512L << 20, 12, 14, 37, false, "25", findings));
                    extraHealth.forEach((name, value) -> detail.set(name, json.mapper().valueToTree(value)));
                    send(exchange, 200, detail);
                } else {
                    AdminUser actor = data.user(signedIn).orElseThrow();
                    if (actor.role() == Role.MEMBER) {
                        send(exchange, 403, ErrorBody.of("forbidden", "this needs the admin role"));
                        return;
                    }
                    StubData.Answer answer = data.handle(actor, method, path, exchange.getRequestURI().getRawQuery(),
                            body.length == 0 ? null : json.mapper().readTree(body));
                    byte[] bytes = answer.body() == null ? null : answer.body() instanceof byte[] raw ? raw
                            : json.write(answer.body());
                    sendRaw(exchange, answer.status(), bytes, answer.contentType());
                }
            }
        }
    }

    /** Only the first owner, with the setup code, as "owner" (the stub's data has that account already). */
    private void register(HttpExchange exchange, JsonNode body) throws IOException {
        if (!needsSetup) {
            send(exchange, 409, ErrorBody.of("setup_code_used", "this server already has an owner"));
        } else if (!SETUP_CODE.equals(body.path("setup_code").asText())) {
            send(exchange, 403, ErrorBody.of("invalid_setup_code", "that is not the setup code"));
        } else if (body.path("password").asText().length() < 10) {
            send(exchange, 400, new ErrorBody(new ErrorBody.ErrorDetail("validation_failed",
                    "password: must be at least 10 characters", "password", null)));
        } else {
            needsSetup = false;
            AuthTokens tokens = issue("owner");
            send(exchange, 201, new AuthTokens(tokens.accessToken(), tokens.tokenType(), tokens.expiresIn(),
                    tokens.refreshToken(), tokens.refreshExpiresIn(), tokens.sessionId(), tokens.user(),
                    RECOVERY_CODE));
        }
    }

    private void login(HttpExchange exchange, JsonNode body) throws IOException {
        String username = body.path("username").asText();
        if (needsSetup) {
            send(exchange, 401, ErrorBody.of("invalid_credentials", "Wrong username or password."));
        } else if (!PASSWORD.equals(body.path("password").asText()) || data.user(username).isEmpty()) {
            send(exchange, 401, ErrorBody.of("invalid_credentials", "Wrong username or password."));
        } else if (totpRequired && !"123456".equals(body.path("totp_code").asText())) {
            send(exchange, 401, ErrorBody.of("totp_required", "Enter the code from your authenticator app."));
        } else {
            sessionEnded = false;
            send(exchange, 200, issue(username));
        }
    }

    /** As the server: the session of the refresh token in the body, or of the bearer token. */
    private void logout(HttpExchange exchange, byte[] body) throws IOException {
        String bearer = exchange.getRequestHeaders().getFirst("Authorization");
        String presented = body.length == 0 ? "" : json.mapper().readTree(body).path("refresh_token").asText();
        if (!presented.equals(refreshToken) && !("Bearer " + accessToken).equals(bearer)) {
            send(exchange, 401, ErrorBody.of("invalid_refresh_token", "the refresh token is not valid; sign in again"));
            return;
        }
        sessionEnded = true;
        loggedOut = true;
        send(exchange, 204, null);
    }

    private void refresh(HttpExchange exchange, JsonNode body) throws IOException {
        String presented = body.path("refresh_token").asText();
        if (sessionEnded || !presented.equals(refreshToken)) {
            send(exchange, 401, ErrorBody.of("refresh_token_reused", "This session was signed out."));
        } else {
            send(exchange, 200, issue(signedIn));
        }
    }

    private AuthTokens issue(String username) {
        signedIn = username;
        int n = counter.incrementAndGet();
        accessToken = "access-" + n;
        refreshToken = "refresh-" + n;
        AdminUser user = data.user(username).orElseThrow();
        Me me = new Me(user.id(), user.username(), user.displayName(), user.email(), user.role(), UserStatus.ACTIVE,
                false, user.createdAt());
        return new AuthTokens(accessToken, "Bearer", expiresIn, refreshToken, 2592000, UUID.randomUUID(), me, null);
    }

    private void send(HttpExchange exchange, int status, Object body) throws IOException {
        sendRaw(exchange, status, body == null ? null : json.write(body), "application/json");
    }

    private static void sendRaw(HttpExchange exchange, int status, byte[] body, String contentType)
            throws IOException {
        if (body == null) {
            exchange.sendResponseHeaders(status, -1);
            return;
        }
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
