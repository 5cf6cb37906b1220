package org.chatalot.server.audit;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.helidon.dbclient.DbRow;

import org.chatalot.model.admin.AuditEvent;
import org.chatalot.model.admin.AuditPage;
import org.chatalot.server.db.Rows;
import org.chatalot.server.db.Sql;
import org.chatalot.server.error.InvalidInput;

/** Reads the audit log for admins: filtered, newest first, a page at a time. */
public final class AuditQuery {
    public static final int MAX_PAGE = 500;
    private static final ObjectMapper DETAILS = JsonMapper.builder().build();
    /** Sorts after every time-ordered id (their first bit stays 0 for millennia), as the first export cursor. */
    private static final UUID AFTER_EVERY_ID = new UUID(Long.MAX_VALUE, -1L);

    private final Sql sql;

    public AuditQuery(Sql sql) {
        this.sql = sql;
    }

    public AuditPage page(Filter filter, UUID before, Integer limit) {
        int size = limit == null ? 100 : limit;
        if (size < 1 || size > MAX_PAGE) {
            throw new InvalidInput("limit", "must be 1-" + MAX_PAGE);
        }
        check(filter);
        List<AuditEvent> entries = sql.list("audit-query", AuditQuery::map,
                filter.actorId(), filter.actorId(), filter.actorName(), filter.actorName(), filter.action(),
                filter.action(), filter.targetId(), filter.targetId(), filter.from(), filter.from(), filter.to(),
                filter.to(), before, before, size);
        UUID next = entries.size() == size ? entries.getLast().id() : null;
        return new AuditPage(entries, next);
    }

    /** Returns the filter when it can match anything; a range that ends before it starts is an error. */
    public Filter check(Filter filter) {
        if (filter.from() != null && filter.to() != null && !filter.from().isBefore(filter.to())) {
            throw new InvalidInput("from", "must be before 'to'");
        }
        return filter;
    }

    /**
     * Hands every matching entry, newest first, to {@code sink}, reading one page at a time (the id is the
     * cursor), so an export of any size holds at most one page in memory.
     */
    public long forEach(Filter filter, java.util.function.Consumer<AuditEvent> sink) {
        check(filter);
        long count = 0;
        UUID before = AFTER_EVERY_ID;
        while (true) {
            List<AuditEvent> page = sql.list("audit-export-page", AuditQuery::map, before,
                    filter.actorId(), filter.actorId(), filter.actorName(), filter.actorName(), filter.action(),
                    filter.action(), filter.targetId(), filter.targetId(), filter.from(), filter.from(), filter.to(),
                    filter.to(), MAX_PAGE);
            page.forEach(sink);
            count += page.size();
            if (page.size() < MAX_PAGE) {
                return count;
            }
            before = page.getLast().id();
        }
    }

    static AuditEvent map(DbRow row) {
        return new AuditEvent(Rows.uuid(row, "ID"), Rows.instant(row, "AT"), Rows.uuid(row, "ACTOR_ID"),
                Rows.string(row, "ACTOR_NAME"), Rows.string(row, "ACTION"), Rows.string(row, "TARGET_TYPE"),
                Rows.string(row, "TARGET_ID"), Rows.string(row, "TARGET_NAME"), Rows.string(row, "IP"),
                Rows.string(row, "USER_AGENT"), details(Rows.string(row, "DETAILS")));
    }

    private static Map<String, Object> details(String json) {
        if (json == null) {
            return Map.of();
        }
        try {
            return DETAILS.readValue(json, new TypeReference<>() { });
        } catch (JsonProcessingException e) {
            return Map.of("raw", json);
        }
    }

    /**
     * What to look for; null fields match anything. {@code actorName} is the username as recorded (any case), so
     * an admin can filter by who acted without looking up an id. {@code to} is exclusive.
     */
    public record Filter(UUID actorId, String actorName, String action, String targetId, Instant from, Instant to) {
    }
}
