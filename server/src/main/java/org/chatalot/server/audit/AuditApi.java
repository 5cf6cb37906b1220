package org.chatalot.server.audit;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import org.chatalot.server.audit.AuditLog.AuditEntry;
import org.chatalot.server.common.Principal;
import org.chatalot.server.error.InvalidInput;
import org.chatalot.server.http.Access;
import org.chatalot.server.http.Json;
import org.chatalot.server.http.PathParams;
import org.chatalot.server.http.Routes;

/** {@code /api/admin/audit}: query the audit log a page at a time, or export all of it. Admins only. */
public final class AuditApi implements HttpService {
    private final AuditQuery query;
    private final AuditExport export;
    private final AuditLog audit;
    private final Access access;
    private final Json json;
    private final Clock clock;

    public AuditApi(AuditQuery query, AuditLog audit, Access access, Json json, Clock clock) {
        this.query = query;
        this.export = new AuditExport(query, json.mapper());
        this.audit = audit;
        this.access = access;
        this.json = json;
        this.clock = clock;
    }

    @Override
    public void routing(HttpRules rules) {
        Routes.on(rules)
                .get("/", access.admin((who, req, res) -> json.send(res, query.page(filter(req),
                        uuid(req, "before"), PathParams.queryInt(req, "limit")))))
                .get("/export", access.admin(this::export))
                .register();
    }

    /** Streams the matching entries as a download; the response is never held in memory whole. */
    private void export(Principal who, ServerRequest request, ServerResponse response) {
        String requested = PathParams.query(request, "format");
        AuditExport.Format format = AuditExport.Format.parse(requested == null ? "csv" : requested)
                .orElseThrow(() -> new InvalidInput("format", "must be csv or json"));
        AuditQuery.Filter filter = query.check(filter(request));
        String stamp = clock.instant().truncatedTo(ChronoUnit.SECONDS).toString().replace(":", "");
        response.headers().set(HeaderNames.CONTENT_TYPE, format.contentType());
        response.headers().set(HeaderNames.CONTENT_DISPOSITION,
                "attachment; filename=\"chatalot-audit-" + stamp + "." + format.extension() + "\"");
        long count;
        try {
            // Closed only on success: closing after a failure would end the chunked body cleanly and make a
            // truncated export look complete. On failure the connection is dropped instead.
            OutputStream out = response.outputStream();
            count = export.write(filter, format, out);
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException("audit export interrupted", e);
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("format", format.extension());
        details.put("entries", count);
        audit.record(AuditEntry.by(who.userId(), who.username(), "audit.exported", Access.origin(request))
                .details(details));
    }

    static AuditQuery.Filter filter(ServerRequest request) {
        return new AuditQuery.Filter(uuid(request, "actor_id"), PathParams.query(request, "actor"),
                PathParams.query(request, "action"),
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
