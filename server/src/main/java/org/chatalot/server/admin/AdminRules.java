package org.chatalot.server.admin;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.chatalot.model.admin.TargetConfirmation;
import org.chatalot.model.user.Role;
import org.chatalot.model.user.UserStatus;
import org.chatalot.server.common.Actor;
import org.chatalot.server.error.Conflict;
import org.chatalot.server.error.Forbidden;
import org.chatalot.server.error.InvalidInput;
import org.chatalot.server.user.User;

/**
 * The safety rules of account administration. Nobody can lock themselves out, admins manage members
 * only (an admin who could reset another admin's password could take over that account), owners manage
 * everyone, and the last active owner can never be removed.
 */
final class AdminRules {
    static final int REASON_MAX = 500;

    private AdminRules() {
    }

    /** Destructive actions repeat the target's id in the body, so a mistyped URL cannot hit someone else. */
    static void requireConfirmation(UUID target, TargetConfirmation body) {
        if (body == null || body.confirmUserId() == null) {
            throw new InvalidInput("confirm_user_id", "required: repeat the id of the user this action is for");
        }
        if (!body.confirmUserId().equals(target)) {
            throw new InvalidInput("confirmation_mismatch", "confirm_user_id",
                    "does not match the user in the path; nothing was changed");
        }
    }

    /** For actions that would lock the target out: never on oneself. */
    static void requireNotSelf(Actor actor, User target, String action) {
        if (actor.is(target.id())) {
            throw new Forbidden("self_lockout", "you cannot " + action + " your own account; ask another "
                    + (target.role() == Role.OWNER ? "owner" : "admin"));
        }
    }

    /** The actor outranks the target, or both are owners. Deleted accounts cannot be changed any more. */
    static void requireCanManage(Actor actor, User target, String action) {
        if (target.status() == UserStatus.DELETED) {
            throw new Conflict("user_deleted", null, "this account was deleted and cannot be changed");
        }
        if (target.role() == Role.OWNER && actor.role() != Role.OWNER) {
            throw new Forbidden("owner_protected", "only an owner can " + action + " an owner");
        }
        if (target.role() == Role.ADMIN && actor.role() != Role.OWNER && !actor.is(target.id())) {
            throw new Forbidden("admin_protected", "only an owner can " + action + " another admin");
        }
    }

    /** Called under the owner lock with the number of active owners before the change. */
    static void requireAnotherOwner(User target, long activeOwners) {
        if (target.role() == Role.OWNER && target.status() == UserStatus.ACTIVE && activeOwners <= 1) {
            throw new Conflict("last_owner", null, "this is the only active owner; make another owner first");
        }
    }

    /** Optional free text shown to the user and kept in the audit log. */
    /** Audit details from name/value pairs, leaving out null values. */
    static Map<String, Object> details(Object... pairs) {
        Map<String, Object> details = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            if (pairs[i + 1] != null) {
                details.put((String) pairs[i], pairs[i + 1]);
            }
        }
        return details;
    }

    static String reason(TargetConfirmation body) {
        String reason = body.reason() == null ? null : body.reason().strip();
        if (reason == null || reason.isEmpty()) {
            return null;
        }
        if (reason.length() > REASON_MAX || reason.codePoints().anyMatch(Character::isISOControl)) {
            throw new InvalidInput("reason", "must be at most " + REASON_MAX + " characters without control "
                    + "characters");
        }
        return reason;
    }
}
