package org.chatalot.admin.api;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * Audit log filters as the API takes them; every one optional. The actor is an id or a username ({@code actor},
 * as recorded, any case). {@code to} is exclusive.
 */
public record AuditQuery(UUID actorId, String actor, String action, String targetId, Instant from, Instant to,
                         UUID before, int limit) {

    public static AuditQuery latest(int limit) {
        return new AuditQuery(null, null, null, null, null, null, null, limit);
    }

    public AuditQuery before(UUID cursor) {
        return new AuditQuery(actorId, actor, action, targetId, from, to, cursor, limit);
    }

    String path() {
        Map<String, Object> params = filters();
        params.put("before", before);
        params.put("limit", limit);
        return Endpoints.query(Endpoints.AUDIT, params);
    }

    String exportPath(String format) {
        Map<String, Object> params = filters();
        params.put("format", format);
        return Endpoints.query(Endpoints.AUDIT_EXPORT, params);
    }

    private Map<String, Object> filters() {
        Map<String, Object> params = Endpoints.params();
        params.put("actor_id", actorId);
        params.put("actor", actor);
        params.put("action", action);
        params.put("target_id", targetId);
        params.put("from", from);
        params.put("to", to);
        return params;
    }
}
