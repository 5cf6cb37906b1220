package org.chatalot.server.call;

import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;

import org.chatalot.server.http.Access;
import org.chatalot.server.http.Json;
import org.chatalot.server.http.Routes;

/** {@code /api/calls}: what a signed-in client needs to set up its peer connections. */
public final class CallApi implements HttpService {
    private final IceServers iceServers;
    private final Access access;
    private final Json json;

    public CallApi(IceServers iceServers, Access access, Json json) {
        this.iceServers = iceServers;
        this.access = access;
        this.json = json;
    }

    @Override
    public void routing(HttpRules rules) {
        Routes.on(rules)
                .get("/ice", access.member((who, req, res) -> {
                    // Credentials: no cache, proxy or browser, may keep them.
                    res.headers().set(HeaderNames.CACHE_CONTROL, "no-store");
                    json.send(res, iceServers.forUser(who.userId()));
                }))
                .register();
    }
}
