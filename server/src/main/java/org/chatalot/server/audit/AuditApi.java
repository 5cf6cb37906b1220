package org.chatalot.server.audit;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.UUID;

import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;

import org.chatalot.server.error.InvalidInput;
import org.chatalot.server.http.Access;
import org.chatalot.server.http.Json;
import org.chatalot.server.http.PathParams;
import org.chatalot.server.http.Routes;

/** {@code GET /api/admin/audit}: query the audit log. Admins only. */
public final class AuditApi implements HttpService {
    private final AuditQuery query;
    private final Access access;
    private final Json json;

    public AuditApi(AuditQuery query, Access access, Json json) {
        this.query = query;
        this.access = access;
        this.json = json;
    }

    @Override
    public void routing(HttpRules rules) {
        Routes.on(rules)
                .get("/", access.admin((who, req, res) -> json.send(res, query.page(filter(req),
                        uuid(req, "before"), PathParams.queryInt(req, "limit")))))
                .register();
    }

    static AuditQuery.Filter filter(ServerRequest request) {
        return new AuditQuery.Filter(uuid(request, "actor_id"), PathParams.query(request, "action"),
                PathParams.query(request, "target_id"), time(request, "from"), time(request, "to"));
    }

    private static UUID uuid(ServerRequest request, String name) {
        String value = PathParams.query(request, name);
        try {
            return value == null || value.isBlank() ? null : UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw new InvalidInput(name, "must be an id (UUID)");
        }
    }

    private static Instant time(ServerRequest request, String name) {
        String value = PathParams.query(request, name);
        try {
            return value == null || value.isBlank() ? null : Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new InvalidInput(name, "must be an RFC 3339 UTC time such as 2026-11-27T10:00:00Z");
        }
    }
}
