package org.chatalot.server.admin;

import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;

import org.chatalot.model.admin.ChannelConfirmation;
import org.chatalot.server.common.Actor;
import org.chatalot.server.http.Access;
import org.chatalot.server.http.Json;
import org.chatalot.server.http.PathParams;
import org.chatalot.server.http.Routes;

/** {@code /api/admin/channels}: every channel and its members; archive, unarchive, delete. Admins only. */
public final class AdminChannelApi implements HttpService {
    private final ChannelAdminService channels;
    private final Access access;
    private final Json json;

    public AdminChannelApi(ChannelAdminService channels, Access access, Json json) {
        this.channels = channels;
        this.access = access;
        this.json = json;
    }

    @Override
    public void routing(HttpRules rules) {
        Routes.on(rules)
                .get("/", access.admin((who, req, res) -> json.send(res, channels.list())))
                .get("/{id}/members", access.admin((who, req, res) -> json.send(res,
                        channels.members(PathParams.uuid(req, "id")))))
                .post("/{id}/archive", access.admin((who, req, res) -> json.send(res, channels.archive(
                        Actor.of(who, Access.origin(req)), PathParams.uuid(req, "id"), true))))
                .post("/{id}/unarchive", access.admin((who, req, res) -> json.send(res, channels.archive(
                        Actor.of(who, Access.origin(req)), PathParams.uuid(req, "id"), false))))
                .delete("/{id}", access.admin((who, req, res) -> {
                    channels.delete(Actor.of(who, Access.origin(req)), PathParams.uuid(req, "id"),
                            json.read(req, ChannelConfirmation.class));
                    res.status(Status.NO_CONTENT_204).send();
                }))
                .register();
    }
}
