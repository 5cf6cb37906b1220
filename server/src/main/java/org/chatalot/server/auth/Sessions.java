package org.chatalot.server.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.chatalot.model.auth.AuthTokens;
import org.chatalot.server.audit.AuditLog;
import org.chatalot.server.audit.AuditLog.AuditEntry;
import org.chatalot.server.common.Origin;
import org.chatalot.server.common.Text;
import org.chatalot.server.db.Ids;
import org.chatalot.server.db.Sql;
import org.chatalot.server.error.InvalidInput;
import org.chatalot.server.error.Unauthorized;
import org.chatalot.server.user.User;
import org.chatalot.server.user.UserRepository;

/**
 * Signed-in sessions and their refresh tokens. A refresh token works once: exchanging it returns a new
 * one. Presenting a token that was already exchanged means two parties hold it, so the whole session is
 * signed out (the thief and the victim both have to sign in again; only the victim can).
 */
public final class Sessions {
    public static final Duration REFRESH_LIFETIME = Duration.ofDays(30);

    private final Sql sql;
    private final SessionRepository repository;
    private final UserRepository users;
    private final AccessTokens tokens;
    private final AccountStates states;
    private final AccountEvents events;
    private final AuditLog audit;
    private final Secrets secrets;
    private final Ids ids;
    private final Clock clock;
    private final RefreshGrace grace = new RefreshGrace();

    public Sessions(Sql sql, SessionRepository repository, UserRepository users, AccessTokens tokens,
                    AccountStates states, AccountEvents events, AuditLog audit, Secrets secrets, Ids ids,
                    Clock clock) {
        this.sql = sql;
        this.repository = repository;
        this.users = users;
        this.tokens = tokens;
        this.states = states;
        this.events = events;
        this.audit = audit;
        this.secrets = secrets;
        this.ids = ids;
        this.clock = clock;
    }

    /** Starts a session for a user who just proved who they are. */
    public AuthTokens open(User user, Origin origin, String newRecoveryCode) {
        Instant now = clock.instant();
        UUID sessionId = ids.next();
        String refresh = secrets.token(32);
        sql.inTransaction(tx -> {
            repository.insert(tx, new SessionRepository.Session(sessionId, user.id(), origin.device(),
                    Text.truncate(origin.userAgent(), 400), origin.ip(), now, now, now.plus(REFRESH_LIFETIME), null));
            repository.insertRefreshToken(tx, Secrets.sha256Hex(refresh), sessionId, now, now.plus(REFRESH_LIFETIME));
            return null;
        });
        users.touchLastSeen(user.id(), now);
        return tokens(user, sessionId, refresh, newRecoveryCode);
    }

    /**
     * Exchanges a refresh token for new tokens; each token works once. For a {@code browser}, whose tabs share
     * one cookie, a token the same client exchanged a moment ago is answered as it was then
     * ({@link RefreshGrace}).
     */
    public AuthTokens refresh(String refreshToken, Origin origin, boolean browser) {
        String hash = hashOf(refreshToken);
        return grace.serialised(hash, () -> exchange(hash, origin, browser));
    }

    private AuthTokens exchange(String hash, Origin origin, boolean browser) {
        SessionRepository.RefreshToken stored = repository.refreshToken(hash).orElseThrow(Sessions::unknownToken);
        SessionRepository.Session session = repository.byId(stored.sessionId()).orElseThrow(Sessions::unknownToken);
        Instant now = clock.instant();
        if (session.revokedAt() != null) {
            throw new Unauthorized("session_revoked", "this session was signed out; sign in again");
        }
        if (!stored.expiresAt().isAfter(now) || !session.expiresAt().isAfter(now)) {
            throw new Unauthorized("refresh_token_expired", "the session has expired; sign in again");
        }
        User user = users.byId(session.userId()).filter(User::isActive)
                .orElseThrow(() -> new Unauthorized("account_disabled", "this account can no longer sign in"));
        if (stored.rotatedAt() != null && browser) {
            var again = grace.recent(hash, origin, now).filter(exchange -> isUnused(exchange.successorHash()));
            if (again.isPresent()) {
                return again.get().answer();
            }
        }
        String next = secrets.token(32);
        boolean rotated = stored.rotatedAt() == null && sql.inTransaction(tx -> {
            if (!repository.rotate(tx, hash, now)) {
                return false;
            }
            repository.insertRefreshToken(tx, Secrets.sha256Hex(next), session.id(), now, now.plus(REFRESH_LIFETIME));
            repository.touch(tx, session.id(), now, origin.ip(), now.plus(REFRESH_LIFETIME));
            return true;
        });
        if (!rotated) {
            throw reuseDetected(user, session, origin);
        }
        users.touchLastSeen(user.id(), now);
        AuthTokens answer = tokens(user, session.id(), next, null);
        if (browser) {
            grace.remember(hash, Secrets.sha256Hex(next), answer, origin, now);
        }
        return answer;
    }

    private boolean isUnused(String tokenHash) {
        return repository.refreshToken(tokenHash).filter(token -> token.rotatedAt() == null).isPresent();
    }

    /** Signs out the session a refresh token belongs to (no error if it already was). */
    public void logoutWithRefreshToken(String refreshToken, Origin origin) {
        SessionRepository.RefreshToken stored = repository.refreshToken(hashOf(refreshToken))
                .orElseThrow(Sessions::unknownToken);
        repository.byId(stored.sessionId()).ifPresent(session -> users.byId(session.userId()).ifPresent(user ->
                revoke(user.id(), user.username(), session.id(), "logout", origin)));
    }

    /** Signs out one session of a user; false when it was not theirs or already signed out. */
    public boolean revoke(UUID userId, String actorName, UUID sessionId, String reason, Origin origin) {
        boolean changed = revokeWithoutAudit(userId, sessionId, reason);
        if (changed) {
            audit.record(AuditEntry.by(userId, actorName, "session.revoked", origin)
                    .target("session", sessionId, null).details(Map.of("reason", reason)));
        }
        return changed;
    }

    /**
     * Signs out one session of a user for a caller that writes its own audit entry (an admin acting on
     * someone else's session); false when it was not theirs or already signed out.
     */
    public boolean revokeWithoutAudit(UUID userId, UUID sessionId, String reason) {
        var session = repository.byId(sessionId).filter(s -> s.userId().equals(userId));
        if (session.isEmpty()) {
            return false;
        }
        boolean changed = sql.inTransaction(tx -> repository.revoke(tx, sessionId, clock.instant(), reason));
        states.invalidateSession(sessionId);
        events.sessionRevoked(userId, sessionId, reason);
        return changed;
    }

    /** Signs out every session of the user except {@code keep} (null: all of them); returns how many. */
    public int revokeAll(UUID userId, UUID keep, String reason) {
        Instant now = clock.instant();
        List<UUID> affected = sql.inTransaction(tx -> {
            List<UUID> active = repository.activeIds(tx, userId);
            if (keep == null) {
                repository.revokeAll(tx, userId, now, reason);
            } else {
                repository.revokeOthers(tx, userId, keep, now, reason);
            }
            return active;
        });
        int revoked = 0;
        for (UUID sessionId : affected) {
            if (!sessionId.equals(keep)) {
                states.invalidateSession(sessionId);
                events.sessionRevoked(userId, sessionId, reason);
                revoked++;
            }
        }
        return revoked;
    }

    public List<SessionRepository.Session> active(UUID userId) {
        return repository.active(userId, clock.instant());
    }

    private AuthTokens tokens(User user, UUID sessionId, String refresh, String recoveryCode) {
        String access = tokens.issue(user.id(), user.username(), user.role(), sessionId);
        return new AuthTokens(access, "Bearer", AccessTokens.LIFETIME.toSeconds(), refresh,
                REFRESH_LIFETIME.toSeconds(), sessionId, user.toMe(), recoveryCode);
    }

    private Unauthorized reuseDetected(User user, SessionRepository.Session session, Origin origin) {
        sql.inTransaction(tx -> repository.revoke(tx, session.id(), clock.instant(), "refresh_reuse"));
        states.invalidateSession(session.id());
        events.sessionRevoked(user.id(), session.id(), "refresh_reuse");
        audit.record(AuditEntry.by(user.id(), user.username(), "auth.refresh_reuse", origin)
                .target("session", session.id(), session.device()));
        return new Unauthorized("refresh_token_reused", "this refresh token was already used, so the session "
                + "has been signed out in case it was stolen; sign in again");
    }

    private static String hashOf(String refreshToken) {
        if (refreshToken == null || refreshToken.isBlank()) {
            throw new InvalidInput("refresh_token", "required");
        }
        return Secrets.sha256Hex(refreshToken.strip());
    }

    private static Unauthorized unknownToken() {
        return new Unauthorized("invalid_refresh_token", "the refresh token is not valid; sign in again");
    }
}
