package org.chatalot.server.admin;

import java.time.Clock;
import java.util.Map;
import java.util.UUID;

import org.chatalot.model.admin.AdminUser;
import org.chatalot.model.admin.CreatedUser;
import org.chatalot.model.admin.TargetConfirmation;
import org.chatalot.model.user.UserStatus;
import org.chatalot.server.audit.AuditLog;
import org.chatalot.server.audit.AuditLog.AuditEntry;
import org.chatalot.server.auth.AccountEvents;
import org.chatalot.server.auth.AccountStates;
import org.chatalot.server.auth.LoginThrottle;
import org.chatalot.server.auth.PasswordHasher;
import org.chatalot.server.auth.Secrets;
import org.chatalot.server.auth.Sessions;
import org.chatalot.server.auth.TwoFactor;
import org.chatalot.server.common.Actor;
import org.chatalot.server.db.Sql;
import org.chatalot.server.error.Conflict;
import org.chatalot.server.error.NotFound;
import org.chatalot.server.user.User;
import org.chatalot.server.user.UserRepository;

/**
 * What admins do to an account: suspend and unsuspend, delete, reset the password or 2FA, unlock. A change
 * is committed first, then the cached account state is dropped and live sockets are told, so the very
 * next request or frame of that user already sees it.
 */
public final class AccountActionService {
    private final Sql sql;
    private final AdminUserRepository repository;
    private final UserRepository users;
    private final UserAdminService views;
    private final Sessions sessions;
    private final AccountStates states;
    private final AccountEvents events;
    private final TwoFactor twoFactor;
    private final LoginThrottle throttle;
    private final PasswordHasher hasher;
    private final Secrets secrets;
    private final AuditLog audit;
    private final Clock clock;

    public AccountActionService(Sql sql, AdminUserRepository repository, UserRepository users,
                                UserAdminService views, AccountParts parts, AuditLog audit, Clock clock) {
        this.sql = sql;
        this.repository = repository;
        this.users = users;
        this.views = views;
        this.sessions = parts.sessions();
        this.states = parts.states();
        this.events = parts.events();
        this.twoFactor = parts.twoFactor();
        this.throttle = parts.throttle();
        this.hasher = parts.hasher();
        this.secrets = parts.secrets();
        this.audit = audit;
        this.clock = clock;
    }

    /** The parts of the accounts feature these actions drive. */
    public record AccountParts(Sessions sessions, AccountStates states, AccountEvents events, TwoFactor twoFactor,
                               LoginThrottle throttle, PasswordHasher hasher, Secrets secrets) {
    }

    /** Blocks sign-in, closes the user's sockets with {@code force_logout} and signs out every session. */
    public AdminUser suspend(Actor actor, UUID id, TargetConfirmation confirmation) {
        AdminRules.requireConfirmation(id, confirmation);
        String reason = AdminRules.reason(confirmation);
        User target = target(id);
        AdminRules.requireNotSelf(actor, target, "suspend");
        AdminRules.requireCanManage(actor, target, "suspend");
        if (target.status() == UserStatus.SUSPENDED) {
            throw new Conflict("already_suspended", null, "this account is already suspended");
        }
        sql.inTransaction(tx -> {
            AdminRules.requireAnotherOwner(target, repository.activeOwnersLocked(tx));
            repository.setStatus(tx, id, UserStatus.SUSPENDED, reason, clock.instant());
            return null;
        });
        int revoked = disable(id, "account_suspended");
        record(actor, "admin.user_suspended", target, AdminRules.details("reason", reason, "sessions_revoked", revoked));
        return views.get(id);
    }

    public AdminUser unsuspend(Actor actor, UUID id, TargetConfirmation confirmation) {
        AdminRules.requireConfirmation(id, confirmation);
        User target = target(id);
        AdminRules.requireCanManage(actor, target, "unsuspend");
        if (target.status() != UserStatus.SUSPENDED) {
            throw new Conflict("not_suspended", null, "this account is not suspended");
        }
        sql.inTransaction(tx -> {
            repository.setStatus(tx, id, UserStatus.ACTIVE, null, clock.instant());
            return null;
        });
        states.invalidateUser(id);
        record(actor, "admin.user_unsuspended", target, Map.of());
        return views.get(id);
    }

    /** The account is gone for good; its messages stay and show as from a deleted user. */
    public void delete(Actor actor, UUID id, TargetConfirmation confirmation) {
        AdminRules.requireConfirmation(id, confirmation);
        String reason = AdminRules.reason(confirmation);
        User target = target(id);
        AdminRules.requireNotSelf(actor, target, "delete");
        AdminRules.requireCanManage(actor, target, "delete");
        sql.inTransaction(tx -> {
            AdminRules.requireAnotherOwner(target, repository.activeOwnersLocked(tx));
            repository.scrub(tx, id, clock.instant());
            return null;
        });
        int revoked = disable(id, "account_deleted");
        throttle.clear(User.key(target.username()));
        record(actor, "admin.user_deleted", target, AdminRules.details("reason", reason, "sessions_revoked", revoked));
    }

    /** A new generated password, shown once; every session is signed out and a login lock lifted. */
    public CreatedUser resetPassword(Actor actor, UUID id, TargetConfirmation confirmation) {
        AdminRules.requireConfirmation(id, confirmation);
        User target = target(id);
        AdminRules.requireCanManage(actor, target, "reset the password of");
        String reason = AdminRules.reason(confirmation);
        String password = secrets.humanCode(4, 5);
        String hash = hasher.hash(password);
        sql.inTransaction(tx -> {
            users.updatePassword(tx, id, hash, clock.instant());
            return null;
        });
        int revoked = sessions.revokeAll(id, null, "password_reset");
        throttle.clear(User.key(target.username()));
        record(actor, "admin.password_reset", target, AdminRules.details("reason", reason, "sessions_revoked", revoked));
        return new CreatedUser(views.get(id), password);
    }

    /** Turns 2FA off (lost phone); the user can set it up again after signing in with the password. */
    public AdminUser resetTwoFactor(Actor actor, UUID id, TargetConfirmation confirmation) {
        AdminRules.requireConfirmation(id, confirmation);
        User target = target(id);
        AdminRules.requireCanManage(actor, target, "reset two-factor authentication of");
        String reason = AdminRules.reason(confirmation);
        if (!target.totpEnabled() && target.totpSecret() == null) {
            throw new Conflict("totp_not_enabled", null, "this account does not use two-factor authentication");
        }
        twoFactor.disable(target);
        record(actor, "admin.totp_reset", target, AdminRules.details("reason", reason));
        return views.get(id);
    }

    /** Lifts a lock from too many failed sign-ins. */
    public AdminUser unlock(Actor actor, UUID id) {
        User target = target(id);
        AdminRules.requireCanManage(actor, target, "unlock");
        throttle.clear(User.key(target.username()));
        record(actor, "admin.user_unlocked", target, Map.of());
        return views.get(id);
    }

    User target(UUID id) {
        return users.byId(id).orElseThrow(() -> new NotFound("no such user"));
    }

    void record(Actor actor, String action, User target, Map<String, ?> details) {
        audit.record(AuditEntry.by(actor.userId(), actor.name(), action, actor.origin())
                .target("user", target.id(), target.username()).details(details));
    }

    /** After the status change is committed: fresh state for the next request, sockets closed, sessions ended. */
    private int disable(UUID id, String reason) {
        states.invalidateUser(id);
        events.userDisabled(id, reason);
        return sessions.revokeAll(id, null, reason);
    }

}
