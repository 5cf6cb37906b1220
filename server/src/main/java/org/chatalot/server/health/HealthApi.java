package org.chatalot.server.health;

import java.util.Map;

import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import org.chatalot.model.health.Health;
import org.chatalot.model.health.Readiness;
import org.chatalot.server.http.Json;
import org.chatalot.server.http.Routes;

/** {@code /api/health}: 200 when healthy, 503 when degraded, so {@code curl -f} and monitors notice. */
public final class HealthApi implements HttpService {
    private final HealthChecks checks;
    private final Json json;

    public HealthApi(HealthChecks checks, Json json) {
        this.checks = checks;
        this.json = json;
    }

    @Override
    public void routing(HttpRules rules) {
        Routes.on(rules)
                .get("/", this::health)
                .get("/live", this::live)
                .get("/ready", this::ready)
                .register();
    }

    private void health(ServerRequest request, ServerResponse response) {
        Health health = checks.health();
        noStore(response);
        json.send(response, health.isOk() ? Status.OK_200 : Status.SERVICE_UNAVAILABLE_503, health);
    }

    private void live(ServerRequest request, ServerResponse response) {
        noStore(response);
        json.send(response, Map.of("status", "alive"));
    }

    private void ready(ServerRequest request, ServerResponse response) {
        Readiness readiness = checks.readiness();
        noStore(response);
        json.send(response, Readiness.READY.equals(readiness.status()) ? Status.OK_200
                : Status.SERVICE_UNAVAILABLE_503, readiness);
    }

    private static void noStore(ServerResponse response) {
        response.headers().set(HeaderNames.CACHE_CONTROL, "no-store");
    }
}
