package org.chatalot.server.invite;

import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;

import org.chatalot.model.admin.CreateInviteRequest;
import org.chatalot.server.http.Access;
import org.chatalot.server.http.Json;
import org.chatalot.server.http.Routes;

/** {@code /api/admin/invites}: list, create, revoke. Admins only. */
public final class InviteAdminApi implements HttpService {
    private final InviteService invites;
    private final Access access;
    private final Json json;

    public InviteAdminApi(InviteService invites, Access access, Json json) {
        this.invites = invites;
        this.access = access;
        this.json = json;
    }

    @Override
    public void routing(HttpRules rules) {
        Routes.on(rules)
                .get("/", access.admin((who, req, res) -> json.send(res, invites.list())))
                .post("/", access.admin((who, req, res) -> json.send(res, Status.CREATED_201,
                        invites.create(who, json.read(req, CreateInviteRequest.class), Access.origin(req)))))
                .get("/{code}", access.admin((who, req, res) ->
                        json.send(res, invites.get(req.path().pathParameters().get("code")))))
                .delete("/{code}", access.admin((who, req, res) -> {
                    invites.revoke(who, req.path().pathParameters().get("code"), Access.origin(req));
                    res.status(Status.NO_CONTENT_204).send();
                }))
                .register();
    }
}
