package org.chatalot.server.channel;

import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;

import org.chatalot.server.http.Access;
import org.chatalot.server.http.Json;
import org.chatalot.server.http.PathParams;
import org.chatalot.server.http.Routes;

/** {@code /api/blocks}: users the caller has blocked (no DMs either way). */
public final class BlockApi implements HttpService {
    private final DirectMessages dms;
    private final Access access;
    private final Json json;

    public BlockApi(DirectMessages dms, Access access, Json json) {
        this.dms = dms;
        this.access = access;
        this.json = json;
    }

    @Override
    public void routing(HttpRules rules) {
        Routes.on(rules)
                .get("/", access.member((who, req, res) -> json.send(res, dms.blocked(who))))
                .put("/{user_id}", access.member((who, req, res) -> {
                    dms.block(who, PathParams.uuid(req, "user_id"));
                    res.status(Status.NO_CONTENT_204).send();
                }))
                .delete("/{user_id}", access.member((who, req, res) -> {
                    dms.unblock(who, PathParams.uuid(req, "user_id"));
                    res.status(Status.NO_CONTENT_204).send();
                }))
                .register();
    }
}
