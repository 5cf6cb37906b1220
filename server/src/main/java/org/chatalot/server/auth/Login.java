package org.chatalot.server.auth;

import java.time.Clock;
import java.util.Map;

import org.chatalot.model.auth.AuthTokens;
import org.chatalot.model.auth.LoginRequest;
import org.chatalot.model.auth.RecoverRequest;
import org.chatalot.model.user.UserStatus;
import org.chatalot.server.audit.AuditLog;
import org.chatalot.server.audit.AuditLog.AuditEntry;
import org.chatalot.server.common.Origin;
import org.chatalot.server.db.Sql;
import org.chatalot.server.error.Forbidden;
import org.chatalot.server.error.InvalidInput;
import org.chatalot.server.error.Unauthorized;
import org.chatalot.server.user.User;
import org.chatalot.server.user.UserRepository;

/**
 * Signing in, and resetting a forgotten password with the recovery code. Unknown usernames cost the same
 * hashing work and get the same answer as wrong passwords, and lockout counts per username whether it
 * exists or not, so neither timing nor messages tell an attacker which accounts exist.
 */
public final class Login {
    private static final String BAD_CREDENTIALS = "invalid username or password";

    private final Sql sql;
    private final UserRepository users;
    private final PasswordHasher hasher;
    private final PasswordPolicy policy;
    private final LoginThrottle throttle;
    private final TwoFactor twoFactor;
    private final Sessions sessions;
    private final AccountStates states;
    private final AuditLog audit;
    private final Secrets secrets;
    private final Clock clock;

    public Login(Sql sql, UserRepository users, PasswordHasher hasher, PasswordPolicy policy, LoginThrottle throttle,
                 TwoFactor twoFactor, Sessions sessions, AccountStates states, AuditLog audit, Secrets secrets,
                 Clock clock) {
        this.sql = sql;
        this.users = users;
        this.hasher = hasher;
        this.policy = policy;
        this.throttle = throttle;
        this.twoFactor = twoFactor;
        this.sessions = sessions;
        this.states = states;
        this.audit = audit;
        this.secrets = secrets;
        this.clock = clock;
    }

    public AuthTokens login(LoginRequest request, Origin origin) {
        String key = requireUsername(request.username());
        throttle.checkNotLocked(key);
        if (request.password() == null || request.password().isEmpty()) {
            throw new InvalidInput("password", "required");
        }
        User user = users.byUsername(key).filter(u -> u.status() != UserStatus.DELETED).orElse(null);
        if (user == null) {
            hasher.verifyNothing(request.password());
            throw failure(key, null, origin, "unknown_user", BAD_CREDENTIALS);
        }
        if (!hasher.verify(request.password(), user.passwordHash())) {
            throw failure(key, user, origin, "wrong_password", BAD_CREDENTIALS);
        }
        if (user.status() == UserStatus.SUSPENDED) {
            throw new Forbidden("account_suspended", "this account is suspended"
                    + (user.statusReason() == null ? "" : ": " + user.statusReason()));
        }
        if (user.totpEnabled()) {
            checkSecondFactor(request, key, user, origin);
        }
        throttle.clear(key);
        rehashIfNeeded(user, request.password());
        audit.record(AuditEntry.by(user.id(), user.username(), "auth.login", origin)
                .target("user", user.id(), user.username()));
        return sessions.open(user, origin, null);
    }

    /** Sets a new password with the recovery code, signs out every session, and issues a new code. */
    public AuthTokens recover(RecoverRequest request, Origin origin) {
        String key = requireUsername(request.username());
        throttle.checkNotLocked(key);
        policy.check("new_password", request.newPassword(), request.username(), null);
        if (request.recoveryCode() == null || request.recoveryCode().isBlank()) {
            throw new InvalidInput("recovery_code", "required");
        }
        User user = users.byUsername(key).filter(User::isActive).orElse(null);
        String presented = Secrets.sha256Hex(Secrets.normalizeCode(request.recoveryCode()));
        if (user == null || !Secrets.constantTimeEquals(presented, user.recoveryCodeHash())) {
            throw failure(key, user, origin, "wrong_recovery_code", "invalid username or recovery code");
        }
        String newHash = hasher.hash(request.newPassword());
        String newCode = secrets.humanCode(5, 5);
        sql.inTransaction(tx -> {
            users.updatePassword(tx, user.id(), newHash, clock.instant());
            users.updateRecoveryCode(tx, user.id(), Secrets.sha256Hex(Secrets.normalizeCode(newCode)), clock.instant());
            return null;
        });
        sessions.revokeAll(user.id(), null, "password_recovered");
        throttle.clear(key);
        audit.record(AuditEntry.by(user.id(), user.username(), "account.recovered", origin)
                .target("user", user.id(), user.username()));
        return sessions.open(users.byId(user.id()).orElseThrow(), origin, newCode);
    }

    private void checkSecondFactor(LoginRequest request, String key, User user, Origin origin) {
        boolean noCode = (request.totpCode() == null || request.totpCode().isBlank())
                && (request.backupCode() == null || request.backupCode().isBlank());
        if (noCode) {
            throw new Unauthorized("totp_required", "enter the code from your authenticator app (or a backup code)");
        }
        if (!twoFactor.verify(user, request.totpCode(), request.backupCode())) {
            throw failure(key, user, origin, "wrong_totp", "the authentication code is not valid");
        }
    }

    private RuntimeException failure(String key, User user, Origin origin, String reason, String message) {
        boolean locked = throttle.recordFailure(key);
        var entry = user == null
                ? AuditEntry.by(null, key, "auth.login_failed", origin).target("username", key, key)
                : AuditEntry.by(user.id(), user.username(), "auth.login_failed", origin)
                        .target("user", user.id(), user.username());
        audit.record(entry.details(Map.of("reason", reason)));
        if (locked) {
            audit.record(AuditEntry.by(user == null ? null : user.id(), key, "auth.locked", origin)
                    .target("username", key, key));
            return LoginThrottle.locked(LoginThrottle.LOCK);
        }
        return new Unauthorized("invalid_credentials", message);
    }

    private void rehashIfNeeded(User user, String password) {
        if (hasher.needsRehash(user.passwordHash())) {
            String rehashed = hasher.hash(password);
            sql.inTransaction(tx -> {
                users.updatePassword(tx, user.id(), rehashed, clock.instant());
                return null;
            });
            states.invalidateUser(user.id());
        }
    }

    /**
     * The username as the throttle and the lookup key it: stripped and lower-cased, then checked, because
     * lower-casing can lengthen text ("İ" becomes two characters) and the key must fit its column.
     */
    private static String requireUsername(String username) {
        if (username == null || username.isBlank()) {
            throw new InvalidInput("username", "required");
        }
        String key = User.key(username.strip());
        if (key.length() > LoginThrottle.MAX_KEY_LENGTH) {
            throw new InvalidInput("username", "is too long");
        }
        return key;
    }
}
