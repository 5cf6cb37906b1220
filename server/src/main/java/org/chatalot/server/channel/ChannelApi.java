package org.chatalot.server.channel;

import java.util.UUID;

import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;

import org.chatalot.model.channel.AddMemberRequest;
import org.chatalot.model.channel.CreateChannelRequest;
import org.chatalot.model.channel.SetRoleRequest;
import org.chatalot.model.channel.UpdateChannelRequest;
import org.chatalot.server.http.Access;
import org.chatalot.server.http.Json;
import org.chatalot.server.http.PathParams;
import org.chatalot.server.http.Routes;

/** {@code /api/channels}: channels and their members. Messages are in the message feature's API. */
public final class ChannelApi implements HttpService {
    private final ChannelService channels;
    private final Access access;
    private final Json json;

    public ChannelApi(ChannelService channels, Access access, Json json) {
        this.channels = channels;
        this.access = access;
        this.json = json;
    }

    @Override
    public void routing(HttpRules rules) {
        Routes.on(rules)
                .get("/", access.member((who, req, res) -> json.send(res, channels.mine(who))))
                .post("/", access.member((who, req, res) -> json.send(res, Status.CREATED_201,
                        channels.create(who, json.read(req, CreateChannelRequest.class)))))
                .get("/public", access.member((who, req, res) -> json.send(res, channels.publicChannels())))
                .get("/{id}", access.member((who, req, res) -> json.send(res, channels.get(who, id(req)))))
                .patch("/{id}", access.member((who, req, res) -> json.send(res,
                        channels.update(who, id(req), json.read(req, UpdateChannelRequest.class)))))
                .delete("/{id}", access.member((who, req, res) -> {
                    channels.delete(who, id(req));
                    res.status(Status.NO_CONTENT_204).send();
                }))
                .post("/{id}/archive", access.member((who, req, res) ->
                        json.send(res, channels.archive(who, id(req), true))))
                .post("/{id}/unarchive", access.member((who, req, res) ->
                        json.send(res, channels.archive(who, id(req), false))))
                .post("/{id}/join", access.member((who, req, res) -> json.send(res, channels.join(who, id(req)))))
                .post("/{id}/leave", access.member((who, req, res) -> {
                    channels.leave(who, id(req));
                    res.status(Status.NO_CONTENT_204).send();
                }))
                .get("/{id}/members", access.member((who, req, res) -> json.send(res, channels.members(who, id(req)))))
                .post("/{id}/members", access.member((who, req, res) -> json.send(res, Status.CREATED_201,
                        channels.addMember(who, id(req), json.read(req, AddMemberRequest.class).userId()))))
                .put("/{id}/members/{user_id}", access.member((who, req, res) -> json.send(res, channels.setRole(who,
                        id(req), PathParams.uuid(req, "user_id"), json.read(req, SetRoleRequest.class).role()))))
                .delete("/{id}/members/{user_id}", access.member((who, req, res) -> {
                    channels.removeMember(who, id(req), PathParams.uuid(req, "user_id"));
                    res.status(Status.NO_CONTENT_204).send();
                }))
                .register();
    }

    private static UUID id(ServerRequest request) {
        return PathParams.uuid(request, "id");
    }
}
