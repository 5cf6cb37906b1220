package org.chatalot.server.auth;

import java.util.Map;

import org.chatalot.server.audit.AuditLog;
import org.chatalot.server.audit.AuditLog.AuditEntry;
import org.chatalot.server.common.Origin;
import org.chatalot.server.error.Forbidden;
import org.chatalot.server.error.InvalidInput;
import org.chatalot.server.user.User;

/**
 * Re-checks a signed-in user's password (or second factor) before a sensitive change. Failures count
 * towards the same lockout as sign-in, so a stolen access token cannot be used to guess the password.
 */
public final class Credentials {
    private final PasswordHasher hasher;
    private final LoginThrottle throttle;
    private final TwoFactor twoFactor;
    private final AuditLog audit;

    public Credentials(PasswordHasher hasher, LoginThrottle throttle, TwoFactor twoFactor, AuditLog audit) {
        this.hasher = hasher;
        this.throttle = throttle;
        this.twoFactor = twoFactor;
        this.audit = audit;
    }

    public void confirmPassword(User user, String password, String field, Origin origin) {
        String key = User.key(user.username());
        throttle.checkNotLocked(key);
        if (password == null || password.isEmpty()) {
            throw new InvalidInput(field, "required");
        }
        if (!hasher.verify(password, user.passwordHash())) {
            fail(user, key, origin, "password");
            throw new Forbidden("wrong_password", field + ": is not correct");
        }
    }

    public void confirmSecondFactor(User user, String totpCode, String backupCode, Origin origin) {
        if (!user.totpEnabled()) {
            return;
        }
        String key = User.key(user.username());
        throttle.checkNotLocked(key);
        if ((totpCode == null || totpCode.isBlank()) && (backupCode == null || backupCode.isBlank())) {
            throw new InvalidInput("code", "required: a code from the authenticator app, or a backup code");
        }
        if (!twoFactor.verify(user, totpCode, backupCode)) {
            fail(user, key, origin, "second_factor");
            throw new Forbidden("wrong_code", "code: is not valid (or was already used)");
        }
    }

    private void fail(User user, String key, Origin origin, String what) {
        boolean locked = throttle.recordFailure(key);
        audit.record(AuditEntry.by(user.id(), user.username(), "account.confirm_failed", origin)
                .target("user", user.id(), user.username()).details(Map.of("factor", what)));
        if (locked) {
            audit.record(AuditEntry.by(user.id(), user.username(), "auth.locked", origin)
                    .target("user", user.id(), user.username()));
        }
    }
}
