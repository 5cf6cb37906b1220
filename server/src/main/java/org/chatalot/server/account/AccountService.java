package org.chatalot.server.account;

import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import org.chatalot.model.auth.BackupCodes;
import org.chatalot.model.auth.ChangePasswordRequest;
import org.chatalot.model.auth.Me;
import org.chatalot.model.auth.RecoveryCode;
import org.chatalot.model.auth.SessionInfo;
import org.chatalot.model.auth.TotpCodeRequest;
import org.chatalot.model.auth.TotpSetup;
import org.chatalot.model.auth.UpdateProfileRequest;
import org.chatalot.server.audit.AuditLog;
import org.chatalot.server.audit.AuditLog.AuditEntry;
import org.chatalot.server.auth.AccountEvents;
import org.chatalot.server.auth.AccountStates;
import org.chatalot.server.auth.Credentials;
import org.chatalot.server.auth.PasswordHasher;
import org.chatalot.server.auth.PasswordPolicy;
import org.chatalot.server.auth.Secrets;
import org.chatalot.server.auth.Sessions;
import org.chatalot.server.auth.TwoFactor;
import org.chatalot.server.common.Origin;
import org.chatalot.server.common.Principal;
import org.chatalot.server.db.Sql;
import org.chatalot.server.error.Conflict;
import org.chatalot.server.error.NotFound;
import org.chatalot.server.error.Unauthorized;
import org.chatalot.server.user.User;
import org.chatalot.server.user.UserRepository;
import org.chatalot.server.user.UserRules;

/** What a user can change about their own account. Sensitive changes re-check the password. */
public final class AccountService {
    private final Sql sql;
    private final UserRepository users;
    private final PasswordHasher hasher;
    private final PasswordPolicy policy;
    private final Credentials credentials;
    private final TwoFactor twoFactor;
    private final Sessions sessions;
    private final AccountStates states;
    private final AuditLog audit;
    private final Secrets secrets;
    private final AccountEvents events;
    private final Clock clock;

    public AccountService(Sql sql, UserRepository users, PasswordHasher hasher, PasswordPolicy policy,
                          Credentials credentials, TwoFactor twoFactor, Sessions sessions, AccountStates states,
                          AuditLog audit, Secrets secrets, AccountEvents events, Clock clock) {
        this.sql = sql;
        this.users = users;
        this.hasher = hasher;
        this.policy = policy;
        this.credentials = credentials;
        this.twoFactor = twoFactor;
        this.sessions = sessions;
        this.states = states;
        this.audit = audit;
        this.secrets = secrets;
        this.events = events;
        this.clock = clock;
    }

    public Me me(Principal who) {
        return user(who).toMe();
    }

    /** Changes the password and signs out every other session. */
    public void changePassword(Principal who, ChangePasswordRequest request, Origin origin) {
        User user = user(who);
        credentials.confirmPassword(user, request.currentPassword(), "current_password", origin);
        policy.check("new_password", request.newPassword(), user.username(), user.email());
        String hash = hasher.hash(request.newPassword());
        sql.inTransaction(tx -> {
            users.updatePassword(tx, user.id(), hash, clock.instant());
            return null;
        });
        sessions.revokeAll(user.id(), who.sessionId(), "password_changed");
        record(who, "account.password_changed", origin);
    }

    public Me updateProfile(Principal who, UpdateProfileRequest request) {
        User user = user(who);
        String displayName = request.displayName() == null ? user.displayName()
                : UserRules.displayName(request.displayName(), user.username());
        String email = request.email() == null ? user.email() : UserRules.email(request.email());
        String statusText = request.statusText() == null ? user.statusText()
                : UserRules.statusText(request.statusText());
        try {
            users.updateProfile(user.id(), displayName, email, statusText, clock.instant());
            states.invalidateUser(user.id());
        } catch (RuntimeException e) {
            if (Sql.isUniqueViolation(e, "UQ_USER_EMAIL")) {
                throw new Conflict("email_taken", "email", "email: is already used by another account");
            }
            throw e;
        }
        User updated = user(who);
        if (!Objects.equals(displayName, user.displayName()) || !Objects.equals(statusText, user.statusText())) {
            // Only what others see: an email change alone is nobody else's news.
            events.profileChanged(updated.toPublicProfile());
        }
        return updated.toMe();
    }

    public List<SessionInfo> sessions(Principal who) {
        return sessions.active(who.userId()).stream()
                .map(s -> new SessionInfo(s.id(), s.device(), s.ip(), s.createdAt(), s.lastUsedAt(), s.expiresAt(),
                        s.id().equals(who.sessionId())))
                .toList();
    }

    public void revokeSession(Principal who, UUID sessionId, Origin origin) {
        if (!sessions.revoke(who.userId(), who.username(), sessionId, "revoked_by_user", origin)) {
            throw new NotFound("no such active session");
        }
    }

    public void logoutAll(Principal who, Origin origin) {
        sessions.revokeAll(who.userId(), null, "logout_all");
        record(who, "account.logout_all", origin);
    }

    /** Signs out every session but the caller's own; their sockets hear {@code force_logout}. */
    public int logoutOthers(Principal who, Origin origin) {
        int revoked = sessions.revokeAll(who.userId(), who.sessionId(), "logout_others");
        record(who, "account.logout_others", origin);
        return revoked;
    }

    public TotpSetup beginTotp(Principal who) {
        return twoFactor.begin(user(who));
    }

    public BackupCodes enableTotp(Principal who, TotpCodeRequest request, Origin origin) {
        BackupCodes codes = twoFactor.enable(user(who), request.code());
        record(who, "account.totp_enabled", origin);
        return codes;
    }

    public void disableTotp(Principal who, TotpCodeRequest request, Origin origin) {
        User user = requireTotp(who);
        credentials.confirmPassword(user, request.password(), "password", origin);
        credentials.confirmSecondFactor(user, request.code(), request.backupCode(), origin);
        twoFactor.disable(user);
        record(who, "account.totp_disabled", origin);
    }

    public BackupCodes regenerateBackupCodes(Principal who, TotpCodeRequest request, Origin origin) {
        User user = requireTotp(who);
        credentials.confirmPassword(user, request.password(), "password", origin);
        credentials.confirmSecondFactor(user, request.code(), request.backupCode(), origin);
        BackupCodes codes = twoFactor.regenerateBackupCodes(user);
        record(who, "account.backup_codes_regenerated", origin);
        return codes;
    }

    public RecoveryCode regenerateRecoveryCode(Principal who, String password, Origin origin) {
        User user = user(who);
        credentials.confirmPassword(user, password, "password", origin);
        String code = secrets.humanCode(5, 5);
        sql.inTransaction(tx -> {
            users.updateRecoveryCode(tx, user.id(), Secrets.sha256Hex(Secrets.normalizeCode(code)), clock.instant());
            return null;
        });
        record(who, "account.recovery_code_regenerated", origin);
        return new RecoveryCode(code);
    }

    private User requireTotp(Principal who) {
        User user = user(who);
        if (!user.totpEnabled()) {
            throw new Conflict("totp_not_enabled", null, "two-factor authentication is not on");
        }
        return user;
    }

    private User user(Principal who) {
        return users.byId(who.userId()).filter(User::isActive)
                .orElseThrow(() -> new Unauthorized("account_disabled", "this account can no longer sign in"));
    }

    private void record(Principal who, String action, Origin origin) {
        audit.record(AuditEntry.by(who.userId(), who.username(), action, origin)
                .target("user", who.userId(), who.username()));
    }
}
