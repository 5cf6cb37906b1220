package org.chatalot.server.user;

import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;

import org.chatalot.server.http.Access;
import org.chatalot.server.http.Json;
import org.chatalot.server.http.PathParams;
import org.chatalot.server.http.Routes;

/** {@code /api/users}: the member directory. */
public final class UserApi implements HttpService {
    private final UserDirectory directory;
    private final Access access;
    private final Json json;

    public UserApi(UserDirectory directory, Access access, Json json) {
        this.directory = directory;
        this.access = access;
        this.json = json;
    }

    @Override
    public void routing(HttpRules rules) {
        Routes.on(rules)
                .get("/search", access.member((who, req, res) -> json.send(res,
                        directory.search(PathParams.query(req, "q"), PathParams.queryInt(req, "limit")))))
                .get("/{id}", access.member((who, req, res) ->
                        json.send(res, directory.profile(PathParams.uuid(req, "id")))))
                .register();
    }
}
