package org.chatalot.server.admin;

import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import org.chatalot.model.admin.CreateUserRequest;
import org.chatalot.model.admin.TargetConfirmation;
import org.chatalot.server.common.Actor;
import org.chatalot.server.common.Principal;
import org.chatalot.server.http.Access;
import org.chatalot.server.http.Json;
import org.chatalot.server.http.PathParams;
import org.chatalot.server.http.Routes;

/** {@code /api/admin/users}: accounts for admins; granting and revoking admin is for owners. */
public final class AdminUserApi implements HttpService {
    private final UserAdminService users;
    private final AccountActionService actions;
    private final SessionAdminService sessions;
    private final RoleService roles;
    private final Access access;
    private final Json json;

    public AdminUserApi(UserAdminService users, AccountActionService actions, SessionAdminService sessions,
                        RoleService roles, Access access, Json json) {
        this.users = users;
        this.actions = actions;
        this.sessions = sessions;
        this.roles = roles;
        this.access = access;
        this.json = json;
    }

    @Override
    public void routing(HttpRules rules) {
        Routes routes = Routes.on(rules);
        accounts(routes);
        actions(routes);
        sessionsAndRoles(routes);
        routes.register();
    }

    private void accounts(Routes routes) {
        routes.get("/", access.admin((who, req, res) -> json.send(res, users.list(query(req)))))
                .post("/", access.admin((who, req, res) -> json.send(res, Status.CREATED_201,
                        users.create(actor(who, req), json.read(req, CreateUserRequest.class)))))
                .get("/{id}", access.admin((who, req, res) -> json.send(res, users.get(id(req)))))
                .delete("/{id}", access.admin((who, req, res) -> {
                    actions.delete(actor(who, req), id(req), confirmation(req));
                    noContent(res);
                }));
    }

    private void actions(Routes routes) {
        routes.post("/{id}/suspend", access.admin((who, req, res) -> json.send(res,
                        actions.suspend(actor(who, req), id(req), confirmation(req)))))
                .post("/{id}/unsuspend", access.admin((who, req, res) -> json.send(res,
                        actions.unsuspend(actor(who, req), id(req), confirmation(req)))))
                .post("/{id}/password-reset", access.admin((who, req, res) -> json.send(res,
                        actions.resetPassword(actor(who, req), id(req), confirmation(req)))))
                .post("/{id}/totp-reset", access.admin((who, req, res) -> json.send(res,
                        actions.resetTwoFactor(actor(who, req), id(req), confirmation(req)))))
                .post("/{id}/unlock", access.admin((who, req, res) -> json.send(res,
                        actions.unlock(actor(who, req), id(req)))));
    }

    private void sessionsAndRoles(Routes routes) {
        routes.get("/{id}/sessions", access.admin((who, req, res) -> json.send(res, sessions.list(id(req)))))
                .delete("/{id}/sessions", access.admin((who, req, res) -> {
                    sessions.revokeAll(actor(who, req), id(req), confirmation(req));
                    noContent(res);
                }))
                .delete("/{id}/sessions/{session_id}", access.admin((who, req, res) -> {
                    sessions.revoke(actor(who, req), id(req), PathParams.uuid(req, "session_id"));
                    noContent(res);
                }))
                .post("/{id}/admin", access.owner((who, req, res) -> json.send(res,
                        roles.grantAdmin(actor(who, req), id(req), confirmation(req)))))
                .delete("/{id}/admin", access.owner((who, req, res) -> json.send(res,
                        roles.revokeAdmin(actor(who, req), id(req), confirmation(req)))));
    }

    private static UserAdminService.UserQuery query(ServerRequest req) {
        return new UserAdminService.UserQuery(PathParams.query(req, "q"), PathParams.query(req, "status"),
                PathParams.query(req, "role"), PathParams.query(req, "sort"), PathParams.query(req, "order"),
                PathParams.queryInt(req, "offset"), PathParams.queryInt(req, "limit"));
    }

    private TargetConfirmation confirmation(ServerRequest req) {
        return json.read(req, TargetConfirmation.class);
    }

    private static java.util.UUID id(ServerRequest req) {
        return PathParams.uuid(req, "id");
    }

    private static Actor actor(Principal who, ServerRequest req) {
        return Actor.of(who, Access.origin(req));
    }

    private static void noContent(ServerResponse res) {
        res.status(Status.NO_CONTENT_204).send();
    }
}
