package org.chatalot.admin.testing;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import org.chatalot.admin.api.JsonCodec;
import org.chatalot.model.admin.AdminUser;
import org.chatalot.model.auth.AuthTokens;
import org.chatalot.model.auth.Me;
import org.chatalot.model.error.ErrorBody;
import org.chatalot.model.health.DetailedHealth;
import org.chatalot.model.health.Health;
import org.chatalot.model.user.UserStatus;

/**
 * A stand-in for the admin API (issue 7) on a random loopback port, answering with the shared-model records:
 * sign-in with optional 2FA, rotating refresh tokens, the admin endpoints over {@link StubData}, health. Tests
 * flip its switches (expire the access token, end the session, degrade health) to exercise the app's paths.
 */
public final class StubAdminServer implements AutoCloseable {
    public static final String PASSWORD = "correct horse battery staple";

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
            case "/api/auth/login" -> login(exchange, json.mapper().readTree(body));
            case "/api/auth/refresh" -> refresh(exchange, json.mapper().readTree(body));
            case "/api/auth/logout" -> send(exchange, 204, null);
            default -> {
                if (!path.startsWith("/api/admin/")) {
                    send(exchange, 404, ErrorBody.of("not_found", "no such path"));
                } else if (!("Bearer " + accessToken).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                    send(exchange, 401, ErrorBody.of("token_expired", "the access token has expired"));
                } else if (path.equals("/api/admin/health")) {
                    send(exchange, 200, new DetailedHealth("ok", "0.1.0", 3725, true, 0.4, 40L << 30, 100L << 30,
                            200L << 20, 512L << 20, 12, false, "25"));
                } else {
                    StubData.Answer answer = data.handle(method, path, exchange.getRequestURI().getRawQuery(),
                            body.length == 0 ? null : json.mapper().readTree(body));
                    sendRaw(exchange, answer.status(), answer.body() == null ? null : json.write(answer.body()));
                }
            }
        }
    }

    private void login(HttpExchange exchange, JsonNode body) throws IOException {
        String username = body.path("username").asText();
        if (!PASSWORD.equals(body.path("password").asText()) || data.user(username).isEmpty()) {
            send(exchange, 401, ErrorBody.of("invalid_credentials", "Wrong username or password."));
        } else if (totpRequired && !"123456".equals(body.path("totp_code").asText())) {
            send(exchange, 401, ErrorBody.of("totp_required", "Enter the code from your authenticator app."));
        } else {
            sessionEnded = false;
            send(exchange, 200, issue(username));
        }
    }

    private void refresh(HttpExchange exchange, JsonNode body) throws IOException {
        String presented = body.path("refresh_token").asText();
        if (sessionEnded || !presented.equals(refreshToken)) {
            send(exchange, 401, ErrorBody.of("refresh_token_reused", "This session was signed out."));
        } else {
            send(exchange, 200, issue("owner"));
        }
    }

    private AuthTokens issue(String username) {
        int n = counter.incrementAndGet();
        accessToken = "access-" + n;
        refreshToken = "refresh-" + n;
        AdminUser user = data.user(username).orElseThrow();
        Me me = new Me(user.id(), user.username(), user.displayName(), user.email(), user.role(), UserStatus.ACTIVE,
                false, user.createdAt());
        return new AuthTokens(accessToken, "Bearer", expiresIn, refreshToken, 2592000, UUID.randomUUID(), me, null);
    }

    private void send(HttpExchange exchange, int status, Object body) throws IOException {
        sendRaw(exchange, status, body == null ? null : json.write(body));
    }

    private static void sendRaw(HttpExchange exchange, int status, byte[] body) throws IOException {
        if (body == null) {
            exchange.sendResponseHeaders(status, -1);
            return;
        }
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
