package org.chatalot.server.audit;

import java.time.Clock;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import org.chatalot.server.common.Origin;
import org.chatalot.server.common.Text;
import org.chatalot.server.db.Ids;
import org.chatalot.server.db.Sql;

/** Writes audit entries. Failing to audit is logged loudly but never undoes the action it describes. */
public final class AuditLog {
    private static final System.Logger LOG = System.getLogger(AuditLog.class.getName());
    private static final ObjectMapper DETAILS = JsonMapper.builder().build();

    private final Sql sql;
    private final Ids ids;
    private final Clock clock;

    public AuditLog(Sql sql, Ids ids, Clock clock) {
        this.sql = sql;
        this.ids = ids;
        this.clock = clock;
    }

    /**
     * Every text is cut to its column's width (see V002__accounts.sql) rather than refused: an entry must never
     * be lost because what it describes was long, such as a failed login under a 200-character username.
     */
    public void record(AuditEntry entry) {
        try {
            sql.update("audit-insert", ids.next(), clock.instant(), entry.actorId(),
                    Text.truncate(entry.actorName(), 64), Text.truncate(entry.action(), 60), Text.truncate(entry.targetType(), 30),
                    Text.truncate(entry.targetId(), 64), Text.truncate(entry.targetName(), 100),
                    entry.origin() == null ? null : Text.truncate(entry.origin().ip(), 64),
                    entry.origin() == null ? null : Text.truncate(entry.origin().userAgent(), 400),
                    details(entry.details()));
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "Could not write audit entry " + entry.action(), e);
        }
    }

    /** Deletes entries older than {@code cutoff}; returns how many. */
    public long deleteOlderThan(java.time.Instant cutoff) {
        return sql.update("audit-prune", cutoff);
    }

    private static String details(Map<String, ?> details) {
        if (details == null || details.isEmpty()) {
            return null;
        }
        try {
            return Text.truncate(DETAILS.writeValueAsString(details), 4000);
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    /**
     * One event. {@code action} is a dotted verb such as {@code auth.login_failed}; the target is what it was
     * done to (a user, a session, an invite).
     */
    public record AuditEntry(UUID actorId, String actorName, String action, String targetType, String targetId,
                             String targetName, Origin origin, Map<String, ?> details) {

        public static AuditEntry by(UUID actorId, String actorName, String action, Origin origin) {
            return new AuditEntry(actorId, actorName, action, null, null, null, origin, Map.of());
        }

        public AuditEntry target(String type, Object id, String name) {
            return new AuditEntry(actorId, actorName, action, type, id == null ? null : id.toString(), name, origin,
                    details);
        }

        public AuditEntry details(Map<String, ?> more) {
            return new AuditEntry(actorId, actorName, action, targetType, targetId, targetName, origin, more);
        }
    }
}
