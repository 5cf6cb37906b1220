package org.chatalot.admin.api;

import java.io.IOException;
import java.time.Duration;

import org.chatalot.model.health.Health;

/**
 * {@code GET /api/health}, unauthenticated, timed. A 503 still carries the health body (degraded), so it is a
 * reading, not an error; anything else non-2xx is reported with its status.
 */
public final class HealthProbe {
    private final HttpTransport transport;
    private final JsonCodec json;

    public HealthProbe(HttpTransport transport, JsonCodec json) {
        this.transport = transport;
        this.json = json;
    }

    /** One poll: the body and the round-trip time. */
    public record Reading(Health health, Duration latency, int status) {
    }

    public Reading read() throws IOException, InterruptedException {
        HttpTransport.Response response = transport.send("GET", Endpoints.HEALTH, null, null);
        if (response.isSuccess() || response.status() == 503) {
            try {
                return new Reading(json.read(response.body(), Health.class), response.took(), response.status());
            } catch (IOException e) {
                if (response.isSuccess()) {
                    throw e;
                }
            }
        }
        throw new Responses(json).error(response);
    }
}
