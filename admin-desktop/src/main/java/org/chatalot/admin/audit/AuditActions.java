package org.chatalot.admin.audit;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The audit log's actions in words (docs/accounts-and-security.md, "What is audited"), for the filter's list and
 * the table. An action this app does not know (a newer server's) is shown as the server wrote it.
 */
public final class AuditActions {
    private static final Map<String, String> LABELS = labels();

    private AuditActions() {
    }

    /** Every known action, in the order of the documentation. */
    public static List<String> known() {
        return List.copyOf(LABELS.keySet());
    }

    /** "Account suspended", or the action itself when unknown. */
    public static String label(String action) {
        return action == null ? "" : LABELS.getOrDefault(action, action);
    }

    /** For the filter's list: "Account suspended (admin.user_suspended)". */
    public static String choice(String action) {
        return LABELS.containsKey(action) ? LABELS.get(action) + " (" + action + ")" : action;
    }

    private static Map<String, String> labels() {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("auth.login", "Signed in");
        labels.put("auth.login_failed", "Sign-in failed");
        labels.put("auth.locked", "Sign-in locked after failures");
        labels.put("auth.refresh_reuse", "Spent token reused: session signed out");
        labels.put("owner.created", "Owner account created");
        labels.put("user.registered", "Account registered");
        labels.put("session.revoked", "Device signed out");
        labels.put("account.logout_all", "Signed out everywhere");
        labels.put("account.password_changed", "Password changed");
        labels.put("account.recovered", "Password reset with the recovery code");
        labels.put("account.totp_enabled", "2FA turned on");
        labels.put("account.totp_disabled", "2FA turned off");
        labels.put("account.backup_codes_regenerated", "2FA backup codes renewed");
        labels.put("account.recovery_code_regenerated", "Recovery code renewed");
        labels.put("account.confirm_failed", "Wrong password or code for an account change");
        labels.put("invite.created", "Invite created");
        labels.put("invite.revoked", "Invite revoked");
        labels.put("admin.user_created", "Account created by an admin");
        labels.put("admin.user_suspended", "Account suspended");
        labels.put("admin.user_unsuspended", "Account unsuspended");
        labels.put("admin.user_deleted", "Account deleted");
        labels.put("admin.password_reset", "Password reset by an admin");
        labels.put("admin.totp_reset", "2FA reset by an admin");
        labels.put("admin.user_unlocked", "Sign-in lock lifted");
        labels.put("admin.sessions_revoked", "Signed out everywhere by an admin");
        labels.put("admin.role_granted", "Made admin");
        labels.put("admin.role_revoked", "Admin rights removed");
        labels.put("admin.settings_changed", "Settings changed");
        labels.put("admin.channel_archived", "Channel archived");
        labels.put("admin.channel_unarchived", "Channel unarchived");
        labels.put("admin.channel_deleted", "Channel deleted");
        labels.put("admin.backup_created", "Backup made");
        labels.put("admin.backup_downloaded", "Backup downloaded");
        labels.put("admin.backup_deleted", "Backup deleted");
        labels.put("admin.backup_pruned", "Old scheduled backup pruned");
        labels.put("admin.backup_failed", "Scheduled backup failed");
        labels.put("admin.backup_schedule_changed", "Backup schedule changed");
        labels.put("audit.exported", "Audit log exported");
        return labels;
    }
}
