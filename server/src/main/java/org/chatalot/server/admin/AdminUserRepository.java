package org.chatalot.server.admin;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.helidon.dbclient.DbRow;

import org.chatalot.model.user.Role;
import org.chatalot.model.user.UserStatus;
import org.chatalot.server.db.Rows;
import org.chatalot.server.db.Sql;
import org.chatalot.server.user.User;
import org.chatalot.server.user.UserRepository;

/** The account rows as admins read and change them. */
public final class AdminUserRepository {
    private final Sql sql;

    public AdminUserRepository(Sql sql) {
        this.sql = sql;
    }

    /** Users matching the filter (null parts match anything), each with their count of live sessions. */
    public List<Row> find(String query, UserStatus status, Role role, Instant now) {
        String pattern = query == null ? null : "%" + escapeLike(User.key(query)) + "%";
        String statusName = status == null ? null : status.wireName();
        String roleName = role == null ? null : role.wireName();
        return sql.list("admin-user-list", AdminUserRepository::map, now, now, pattern, pattern, pattern, pattern,
                statusName, statusName, roleName, roleName);
    }

    public Optional<Row> byId(UUID id, Instant now) {
        return sql.one("admin-user-by-id", AdminUserRepository::map, now, now, id);
    }

    public void setStatus(Sql.Tx tx, UUID id, UserStatus status, String reason, Instant now) {
        tx.update("admin-user-set-status", status.wireName(), reason, now, id);
    }

    public void setRole(Sql.Tx tx, UUID id, Role role, Instant now) {
        tx.update("admin-user-set-role", role.wireName(), now, id);
    }

    /** Marks the account deleted and forgets its email, 2FA secret and recovery code. */
    public void scrub(Sql.Tx tx, UUID id, Instant now) {
        tx.update("admin-user-scrub", now, id);
        tx.update("backup-code-delete-all", id);
    }

    /**
     * Active owners, counted under a lock that every owner-affecting change takes first, so two owners
     * removing each other at the same moment cannot leave the instance without one.
     */
    public long activeOwnersLocked(Sql.Tx tx) {
        tx.list("setup-lock", row -> row);
        return tx.one("admin-active-owners", row -> Rows.longValue(row, "CNT")).orElse(0L);
    }

    private static String escapeLike(String value) {
        return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static Row map(DbRow row) {
        return new Row(UserRepository.map(row), Rows.intValue(row, "ACTIVE_SESSIONS"),
                Rows.instant(row, "SIGN_IN_LOCKED_UNTIL"));
    }

    /** An account, how many signed-in sessions it has, and until when sign-in is locked (null: it is not). */
    public record Row(User user, int activeSessions, Instant lockedUntil) {
    }
}
