package org.chatalot.server.invite;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.helidon.dbclient.DbRow;

import org.chatalot.model.admin.CreateInviteRequest;
import org.chatalot.model.admin.Invite;
import org.chatalot.server.audit.AuditLog;
import org.chatalot.server.audit.AuditLog.AuditEntry;
import org.chatalot.server.common.Origin;
import org.chatalot.server.common.Principal;
import org.chatalot.server.db.Rows;
import org.chatalot.server.db.Sql;
import org.chatalot.server.error.InvalidInput;
import org.chatalot.server.error.NotFound;

/** Invites: a code, optionally limited in uses and time. */
public final class InviteService {
    static final int MAX_USES_LIMIT = 10_000;
    static final int MAX_HOURS = 24 * 365;

    private final Sql sql;
    private final Clock clock;
    private final AuditLog audit;
    private final java.util.function.Supplier<String> codes;

    public InviteService(Sql sql, Clock clock, AuditLog audit, java.util.function.Supplier<String> codes) {
        this.sql = sql;
        this.clock = clock;
        this.audit = audit;
        this.codes = codes;
    }

    public Invite create(Principal admin, CreateInviteRequest request, Origin origin) {
        Integer maxUses = request.maxUses();
        if (maxUses != null && (maxUses < 1 || maxUses > MAX_USES_LIMIT)) {
            throw new InvalidInput("max_uses", "must be 1-" + MAX_USES_LIMIT + " (or left out for unlimited)");
        }
        Integer hours = request.expiresInHours();
        if (hours != null && (hours < 1 || hours > MAX_HOURS)) {
            throw new InvalidInput("expires_in_hours", "must be 1-" + MAX_HOURS + " (or left out for no expiry)");
        }
        Instant now = clock.instant();
        Instant expires = hours == null ? null : now.plus(Duration.ofHours(hours));
        String code = codes.get();
        sql.update("invite-insert", code, maxUses, expires, admin.userId(), now);
        audit.record(AuditEntry.by(admin.userId(), admin.username(), "invite.created", origin)
                .target("invite", code, null)
                .details(detailsOf(maxUses, hours)));
        return get(code);
    }

    public List<Invite> list() {
        Instant now = clock.instant();
        return sql.list("invite-list", row -> map(row, now));
    }

    public Invite get(String code) {
        Instant now = clock.instant();
        return sql.one("invite-by-code", row -> map(row, now), code)
                .orElseThrow(() -> new NotFound("no such invite"));
    }

    public void revoke(Principal admin, String code, Origin origin) {
        get(code);
        sql.update("invite-revoke", clock.instant(), code);
        audit.record(AuditEntry.by(admin.userId(), admin.username(), "invite.revoked", origin)
                .target("invite", code, null));
    }

    /** Takes one use inside the caller's transaction; false when the code is unknown, used up, expired or revoked. */
    public boolean consume(Sql.Tx tx, String code) {
        return code != null && tx.update("invite-consume", code.strip(), clock.instant()) == 1;
    }

    private static Map<String, Object> detailsOf(Integer maxUses, Integer hours) {
        var details = new java.util.LinkedHashMap<String, Object>();
        if (maxUses != null) {
            details.put("max_uses", maxUses);
        }
        if (hours != null) {
            details.put("expires_in_hours", hours);
        }
        return details;
    }

    private static Invite map(DbRow row, Instant now) {
        Integer maxUses = Rows.nullableInt(row, "MAX_USES");
        int uses = Rows.intValue(row, "USES");
        Instant expires = Rows.instant(row, "EXPIRES_AT");
        Instant revoked = Rows.instant(row, "REVOKED_AT");
        boolean usable = revoked == null && (maxUses == null || uses < maxUses)
                && (expires == null || expires.isAfter(now));
        return new Invite(Rows.string(row, "CODE"), maxUses, uses, expires, Rows.uuid(row, "CREATED_BY"),
                Rows.instant(row, "CREATED_AT"), revoked, usable);
    }
}
