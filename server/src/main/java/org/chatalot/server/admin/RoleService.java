package org.chatalot.server.admin;

import java.time.Clock;
import java.util.UUID;

import org.chatalot.model.admin.AdminUser;
import org.chatalot.model.admin.TargetConfirmation;
import org.chatalot.model.user.Role;
import org.chatalot.model.user.UserStatus;
import org.chatalot.server.auth.AccountStates;
import org.chatalot.server.common.Actor;
import org.chatalot.server.db.Sql;
import org.chatalot.server.error.Conflict;
import org.chatalot.server.error.Forbidden;
import org.chatalot.server.user.User;

/**
 * Granting and revoking the admin role: owners only. Roles are read fresh on every request, so a revoked
 * admin loses access with their next call, without signing them out.
 */
public final class RoleService {
    private final Sql sql;
    private final AdminUserRepository repository;
    private final AccountActionService accounts;
    private final UserAdminService views;
    private final AccountStates states;
    private final Clock clock;

    public RoleService(Sql sql, AdminUserRepository repository, AccountActionService accounts,
                       UserAdminService views, AccountStates states, Clock clock) {
        this.sql = sql;
        this.repository = repository;
        this.accounts = accounts;
        this.views = views;
        this.states = states;
        this.clock = clock;
    }

    public AdminUser grantAdmin(Actor actor, UUID id, TargetConfirmation confirmation) {
        User target = check(actor, id, confirmation, "make an admin of");
        String reason = AdminRules.reason(confirmation);
        if (target.role() != Role.MEMBER) {
            throw new Conflict("already_admin", null, "this account already has the " + target.role().wireName()
                    + " role");
        }
        if (target.status() != UserStatus.ACTIVE) {
            throw new Conflict("not_active", null, "only an active account can be made an admin");
        }
        change(actor, target, Role.ADMIN, "admin.role_granted", reason);
        return views.get(id);
    }

    public AdminUser revokeAdmin(Actor actor, UUID id, TargetConfirmation confirmation) {
        User target = check(actor, id, confirmation, "demote");
        String reason = AdminRules.reason(confirmation);
        if (target.role() == Role.OWNER) {
            throw new Conflict("owner_role", null, "an owner's role is not changed here");
        }
        if (target.role() != Role.ADMIN) {
            throw new Conflict("not_admin", null, "this account is not an admin");
        }
        change(actor, target, Role.MEMBER, "admin.role_revoked", reason);
        return views.get(id);
    }

    private User check(Actor actor, UUID id, TargetConfirmation confirmation, String action) {
        if (actor.role() != Role.OWNER) {
            throw new Forbidden("only an owner can change who is an admin");
        }
        AdminRules.requireConfirmation(id, confirmation);
        User target = accounts.target(id);
        AdminRules.requireNotSelf(actor, target, action);
        AdminRules.requireCanManage(actor, target, action);
        return target;
    }

    private void change(Actor actor, User target, Role role, String action, String reason) {
        sql.inTransaction(tx -> {
            repository.setRole(tx, target.id(), role, clock.instant());
            return null;
        });
        states.invalidateUser(target.id());
        accounts.record(actor, action, target, AdminRules.details("from", target.role().wireName(),
                "to", role.wireName(), "reason", reason));
    }
}
