package org.chatalot.server.channel;

import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;

import org.chatalot.model.channel.AddMemberRequest;
import org.chatalot.server.http.Access;
import org.chatalot.server.http.Json;
import org.chatalot.server.http.Routes;

/** {@code /api/dms}: open (idempotently) and list direct-message channels. */
public final class DmApi implements HttpService {
    private final DirectMessages dms;
    private final Access access;
    private final Json json;

    public DmApi(DirectMessages dms, Access access, Json json) {
        this.dms = dms;
        this.access = access;
        this.json = json;
    }

    @Override
    public void routing(HttpRules rules) {
        Routes.on(rules)
                .get("/", access.member((who, req, res) -> json.send(res, dms.list(who))))
                .post("/", access.member((who, req, res) ->
                        json.send(res, dms.open(who, json.read(req, AddMemberRequest.class).userId()))))
                .register();
    }
}
