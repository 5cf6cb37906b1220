package org.chatalot.server.local;

import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;

import org.chatalot.model.admin.CreateUserRequest;
import org.chatalot.model.admin.TargetConfirmation;
import org.chatalot.model.user.Role;
import org.chatalot.server.admin.AccountActionService;
import org.chatalot.server.admin.UserAdminService;
import org.chatalot.server.backup.BackupService;
import org.chatalot.server.common.Actor;
import org.chatalot.server.error.NotFound;
import org.chatalot.server.error.Unauthorized;
import org.chatalot.server.http.Json;
import org.chatalot.server.http.Routes;
import org.chatalot.server.user.User;
import org.chatalot.server.user.UserRepository;

/**
 * {@code /admin/*} on the loopback listener: what {@code chatalot admin …} calls. Users are named by
 * username, as an operator types them. Every call needs the token from {@code DATA_DIR}; the same services,
 * rules and audit entries as the HTTP admin API apply, with the operator as an owner-level actor.
 */
public final class LocalAdminApi implements HttpService {
    private static final String BEARER = "Bearer ";

    private final LocalToken token;
    private final UserAdminService users;
    private final AccountActionService actions;
    private final UserRepository accounts;
    private final BackupService backups;
    private final Json json;

    public LocalAdminApi(LocalToken token, UserAdminService users, AccountActionService actions,
                         UserRepository accounts, BackupService backups, Json json) {
        this.token = token;
        this.users = users;
        this.actions = actions;
        this.accounts = accounts;
        this.backups = backups;
        this.json = json;
    }

    @Override
    public void routing(HttpRules rules) {
        Routes.on(rules)
                .get("/users", local(req -> users.list(new UserAdminService.UserQuery(null, null, null, null, null,
                        0, 500))))
                .post("/owners", local(req -> users.create(Actor.local(), ownerRequest(req))))
                .post("/users/{username}/password-reset", local(req -> actions.resetPassword(Actor.local(),
                        id(req), confirm(req, null))))
                .post("/users/{username}/unlock", local(req -> actions.unlock(Actor.local(), id(req))))
                .post("/users/{username}/suspend", local(req -> actions.suspend(Actor.local(), id(req),
                        confirm(req, json.read(req, TargetConfirmation.class).reason()))))
                .post("/users/{username}/unsuspend", local(req -> actions.unsuspend(Actor.local(), id(req),
                        confirm(req, null))))
                .post("/backups", local(req -> backups.create(Actor.local())))
                .register();
    }

    /** Checks the token, runs the action and sends its result as JSON. */
    private Handler local(java.util.function.Function<ServerRequest, Object> action) {
        return (req, res) -> {
            String header = req.headers().first(HeaderNames.AUTHORIZATION).orElse("");
            if (!header.startsWith(BEARER) || !token.matches(header.substring(BEARER.length()))) {
                throw new Unauthorized("send the token from DATA_DIR/" + LocalToken.FILE_NAME
                        + " as Authorization: Bearer <token>");
            }
            json.send(res, Status.OK_200, action.apply(req));
        };
    }

    private CreateUserRequest ownerRequest(ServerRequest req) {
        CreateUserRequest body = json.read(req, CreateUserRequest.class);
        return new CreateUserRequest(body.username(), body.displayName(), body.email(), body.password(), Role.OWNER);
    }

    private java.util.UUID id(ServerRequest req) {
        String username = req.path().pathParameters().get("username");
        return accounts.byUsername(username).map(User::id)
                .orElseThrow(() -> new NotFound("no such user: " + username));
    }

    /** The operator named the user, so the confirmation is implied. */
    private TargetConfirmation confirm(ServerRequest req, String reason) {
        return new TargetConfirmation(id(req), reason);
    }
}
