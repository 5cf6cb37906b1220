package org.chatalot.server.search;

import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;

import org.chatalot.server.http.Access;
import org.chatalot.server.http.Json;
import org.chatalot.server.http.PathParams;
import org.chatalot.server.http.Routes;

/** {@code GET /api/search}: message search over the caller's channels. */
public final class SearchApi implements HttpService {
    private final SearchService search;
    private final Access access;
    private final Json json;

    public SearchApi(SearchService search, Access access, Json json) {
        this.search = search;
        this.access = access;
        this.json = json;
    }

    @Override
    public void routing(HttpRules rules) {
        Routes.on(rules)
                .get("/", access.member((who, req, res) -> json.send(res, search.search(who, SearchQuery.parse(
                        PathParams.query(req, "q"), PathParams.query(req, "channel_id"),
                        PathParams.query(req, "sender_id"), PathParams.query(req, "before"),
                        PathParams.query(req, "after"), PathParams.query(req, "has_file"),
                        PathParams.queryInt(req, "limit"), PathParams.query(req, "cursor"))))))
                .register();
    }
}
