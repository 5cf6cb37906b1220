package org.chatalot.model.health;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Body of {@code GET /api/health}, with the upstream server's field names so existing monitors keep working.
 * {@code status} is {@code "ok"} or {@code "degraded"}; a degraded answer comes with HTTP 503.
 */
public record Health(String status,
                     String version,
                     @JsonProperty("uptime_secs") long uptimeSecs,
                     @JsonProperty("db_healthy") boolean dbHealthy) {

    public static final String OK = "ok";
    public static final String DEGRADED = "degraded";

    @JsonIgnore
    public boolean isOk() {
        return OK.equals(status);
    }
}
