package org.chatalot.server.admin;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.chatalot.model.admin.TargetConfirmation;
import org.chatalot.model.auth.SessionInfo;
import org.chatalot.server.auth.Sessions;
import org.chatalot.server.common.Actor;
import org.chatalot.server.error.NotFound;
import org.chatalot.server.user.User;

/** A user's signed-in devices, as admins see and end them. Revoked sessions close their sockets at once. */
public final class SessionAdminService {
    static final String REASON = "revoked_by_admin";

    private final Sessions sessions;
    private final AccountActionService accounts;

    public SessionAdminService(Sessions sessions, AccountActionService accounts) {
        this.sessions = sessions;
        this.accounts = accounts;
    }

    public List<SessionInfo> list(UUID userId) {
        accounts.target(userId);
        return sessions.active(userId).stream()
                .map(s -> new SessionInfo(s.id(), s.device(), s.ip(), s.createdAt(), s.lastUsedAt(), s.expiresAt(),
                        false))
                .toList();
    }

    public void revoke(Actor actor, UUID userId, UUID sessionId) {
        User target = accounts.target(userId);
        AdminRules.requireCanManage(actor, target, "sign out");
        if (!sessions.revokeWithoutAudit(userId, sessionId, REASON)) {
            throw new NotFound("no such active session of this user");
        }
        audit(actor, target, Map.of("session_id", sessionId.toString()));
    }

    /** Every session of the user; returns how many were signed out. */
    public int revokeAll(Actor actor, UUID userId, TargetConfirmation confirmation) {
        AdminRules.requireConfirmation(userId, confirmation);
        User target = accounts.target(userId);
        AdminRules.requireCanManage(actor, target, "sign out");
        String reason = AdminRules.reason(confirmation);
        int revoked = sessions.revokeAll(userId, null, REASON);
        audit(actor, target, AdminRules.details("sessions_revoked", revoked, "reason", reason));
        return revoked;
    }

    private void audit(Actor actor, User target, Map<String, ?> details) {
        accounts.record(actor, "admin.sessions_revoked", target, details);
    }
}
