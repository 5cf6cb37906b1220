package org.chatalot.server.auth;

import java.util.Optional;

import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import org.chatalot.model.auth.AuthConfig;
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
    private final AuthConfigSource config;

    public AuthApi(Registration registration, Login login, Sessions sessions, Access access, Json json,
                   AuthConfigSource config) {
        this.registration = registration;
        this.login = login;
        this.sessions = sessions;
        this.access = access;
        this.json = json;
        this.config = config;
    }

    @Override
    public void routing(HttpRules rules) {
        Routes.on(rules)
                .get("/config", (req, res) -> json.send(res, config.get()))
                .post("/register", (req, res) -> json.send(res, Status.CREATED_201,
                        registration.register(json.read(req, RegisterRequest.class), Access.origin(req))))
                .post("/login", (req, res) -> json.send(res,
                        login.login(json.read(req, LoginRequest.class), Access.origin(req))))
                .post("/refresh", (req, res) -> json.send(res,
                        sessions.refresh(json.read(req, RefreshRequest.class).refreshToken(), Access.origin(req))))
                .post("/logout", this::logout)
                .post("/recover", (req, res) -> json.send(res,
                        login.recover(json.read(req, RecoverRequest.class), Access.origin(req))))
                .register();
    }

    /**
     * Signs out the session of the bearer token, or of the refresh token in the body. An access token that
     * has expired meanwhile does not stop a client that also sends its refresh token from signing out.
     */
    private void logout(ServerRequest request, ServerResponse response) {
        String refreshToken = request.content().hasEntity()
                ? json.read(request, RefreshRequest.class).refreshToken() : null;
        Optional<Principal> caller;
        try {
            caller = access.optional(request);
        } catch (Unauthorized e) {
            if (refreshToken == null) {
                throw e;
            }
            caller = Optional.empty();
        }
        if (caller.isPresent()) {
            sessions.revoke(caller.get().userId(), caller.get().username(), caller.get().sessionId(), "logout",
                    Access.origin(request));
        } else if (refreshToken == null || refreshToken.isBlank()) {
            throw new InvalidInput("refresh_token", "required: send the bearer token or the refresh token");
        } else {
            sessions.logoutWithRefreshToken(refreshToken, Access.origin(request));
        }
        response.status(Status.NO_CONTENT_204).send();
    }

    /** Builds {@code GET /api/auth/config} from the configuration and the run-time settings. */
    public record AuthConfigSource(ServerConfig config, InstanceSettings settings, SetupCode setupCode,
                                   BuildInfo build) {
        AuthConfig get() {
            return new AuthConfig(settings.registrationMode(), build.version(), setupCode.isPending(),
                    settings.maxFileSizeMb(), settings.uploadQuotaMb(), PasswordPolicy.MIN_LENGTH,
                    config.calls().iceServers());
        }
    }
}
