package org.chatalot.server.auth;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.helidon.dbclient.DbRow;

import org.chatalot.server.db.Rows;
import org.chatalot.server.db.Sql;

/** Rows of {@code auth_session} (one per signed-in device) and {@code refresh_token} (its rotating tokens). */
public final class SessionRepository {
    private final Sql sql;

    public SessionRepository(Sql sql) {
        this.sql = sql;
    }

    public void insert(Sql.Tx tx, Session session) {
        tx.update("session-insert", session.id(), session.userId(), session.device(), session.userAgent(),
                session.ip(), session.createdAt(), session.lastUsedAt(), session.expiresAt());
    }

    public Optional<Session> byId(UUID id) {
        return sql.one("session-by-id", SessionRepository::map, id);
    }

    public List<Session> active(UUID userId, Instant now) {
        return sql.list("session-list-active", SessionRepository::map, userId, now);
    }

    public List<UUID> activeIds(Sql.Tx tx, UUID userId) {
        return tx.list("session-ids-active-for-user", row -> Rows.uuid(row, "ID"), userId);
    }

    public void touch(Sql.Tx tx, UUID id, Instant now, String ip, Instant expiresAt) {
        tx.update("session-touch", now, ip, expiresAt, id);
    }

    public boolean revoke(Sql.Tx tx, UUID id, Instant now, String reason) {
        return tx.update("session-revoke", now, reason, id) == 1;
    }

    public void revokeAll(Sql.Tx tx, UUID userId, Instant now, String reason) {
        tx.update("session-revoke-all-for-user", now, reason, userId);
    }

    public void revokeOthers(Sql.Tx tx, UUID userId, UUID keep, Instant now, String reason) {
        tx.update("session-revoke-others-for-user", now, reason, userId, keep);
    }

    public void insertRefreshToken(Sql.Tx tx, String tokenHash, UUID sessionId, Instant now, Instant expiresAt) {
        tx.update("refresh-insert", tokenHash, sessionId, now, expiresAt);
    }

    public Optional<RefreshToken> refreshToken(String tokenHash) {
        return sql.one("refresh-by-hash", row -> new RefreshToken(Rows.string(row, "TOKEN_HASH"),
                Rows.uuid(row, "SESSION_ID"), Rows.instant(row, "EXPIRES_AT"), Rows.instant(row, "ROTATED_AT")),
                tokenHash);
    }

    /** Marks the token used; false if it had been used before (a replay). */
    public boolean rotate(Sql.Tx tx, String tokenHash, Instant now) {
        return tx.update("refresh-rotate", now, tokenHash) == 1;
    }

    public long deleteExpired(Instant now) {
        return sql.update("session-delete-expired", now);
    }

    private static Session map(DbRow row) {
        return new Session(Rows.uuid(row, "ID"), Rows.uuid(row, "USER_ID"), Rows.string(row, "DEVICE"),
                Rows.string(row, "USER_AGENT"), Rows.string(row, "IP"), Rows.instant(row, "CREATED_AT"),
                Rows.instant(row, "LAST_USED_AT"), Rows.instant(row, "EXPIRES_AT"), Rows.instant(row, "REVOKED_AT"));
    }

    /** A signed-in device. */
    public record Session(UUID id, UUID userId, String device, String userAgent, String ip, Instant createdAt,
                          Instant lastUsedAt, Instant expiresAt, Instant revokedAt) {

        public boolean isUsableAt(Instant now) {
            return revokedAt == null && expiresAt.isAfter(now);
        }
    }

    /** A stored refresh token: its hash, family, expiry, and when it was exchanged (null if not yet). */
    public record RefreshToken(String tokenHash, UUID sessionId, Instant expiresAt, Instant rotatedAt) {
    }
}
