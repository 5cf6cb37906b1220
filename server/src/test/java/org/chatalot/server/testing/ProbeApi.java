package org.chatalot.server.testing;

import java.util.List;

import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;

import org.chatalot.server.http.Json;
import org.chatalot.server.http.Routes;

/** A test-only endpoint mounted on the real server to exercise the shared HTTP plumbing. */
public final class ProbeApi implements HttpService {
    public static final String PATH = "/api/probe";
    public static final String SECRET_DETAIL = "db password is hunter2";

    private final Json json = new Json();

    @Override
    public void routing(HttpRules rules) {
        Routes.on(rules)
                .post("/echo", (req, res) -> json.send(res, json.read(req, ProbeBody.class)))
                .get("/boom", (req, res) -> {
                    throw new IllegalStateException(SECRET_DETAIL);
                })
                .register();
    }

    /** A body with a string, a number and a list, to see which field an error names. */
    public record ProbeBody(String name, int count, List<Integer> tags) {
    }
}
