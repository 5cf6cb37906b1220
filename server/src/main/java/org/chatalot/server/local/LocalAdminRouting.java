package org.chatalot.server.local;

import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRouting;

import org.chatalot.model.ApiPaths;
import org.chatalot.model.health.Health;
import org.chatalot.model.health.DetailedHealth;
import org.chatalot.server.health.HealthChecks;
import org.chatalot.server.http.ErrorResponses;
import org.chatalot.server.http.Json;
import org.chatalot.server.metrics.ServerMetrics;

/** Routes of the loopback listener: metrics, the detailed health report and the local admin commands. */
public final class LocalAdminRouting {
    private static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

    private LocalAdminRouting() {
    }

    public static void configure(HttpRouting.Builder routing, ServerMetrics metrics, HealthChecks health, Json json,
                                 ErrorResponses errors, LocalAdminApi admin) {
        routing.get(ApiPaths.LOCAL_METRICS, (req, res) -> {
            res.headers().set(HeaderNames.CONTENT_TYPE, PROMETHEUS_TEXT);
            res.send(metrics.scrape());
        });
        routing.get(ApiPaths.LOCAL_HEALTH, (req, res) -> {
            DetailedHealth report = health.detailed();
            json.send(res, Health.OK.equals(report.status()) ? Status.OK_200 : Status.SERVICE_UNAVAILABLE_503, report);
        });
        routing.register(ApiPaths.LOCAL_ADMIN, admin);
        routing.any((req, res) -> {
            throw new org.chatalot.server.error.NotFound("no such local endpoint: " + req.path().path());
        });
        errors.register(routing);
    }
}
