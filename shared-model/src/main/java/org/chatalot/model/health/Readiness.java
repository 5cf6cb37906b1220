package org.chatalot.model.health;

import java.util.List;

/** Body of {@code GET /api/health/ready}: ready only when every check passed. */
public record Readiness(String status, List<Check> checks) {

    public static final String READY = "ready";
    public static final String NOT_READY = "not_ready";

    /** One readiness condition, e.g. {@code database}, {@code disk}, {@code shutdown}. */
    public record Check(String name, boolean ok, String detail) {
    }
}
