package org.chatalot.admin.api;

/**
 * The per-user admin actions, each the server's route under {@code /api/admin/users/{id}}: its method, the path
 * after the id, and whether the body repeats the target's id ({@code {"confirm_user_id","reason"}}), which the
 * server requires of every action that could lock someone out or change their rights.
 */
public enum UserAction {
    SUSPEND("POST", "/suspend", "Suspend", true, true),
    UNSUSPEND("POST", "/unsuspend", "Unsuspend", false, true),
    RESET_PASSWORD("POST", "/password-reset", "Reset password", true, true),
    RESET_TWO_FACTOR("POST", "/totp-reset", "Reset 2FA", true, true),
    UNLOCK("POST", "/unlock", "Unlock sign-in", false, false),
    REVOKE_SESSIONS("DELETE", "/sessions", "Sign out everywhere", true, true),
    GRANT_ADMIN("POST", "/admin", "Make admin", false, true),
    REVOKE_ADMIN("DELETE", "/admin", "Remove admin", true, true);

    private final String method;
    private final String path;
    private final String label;
    private final boolean destructive;
    private final boolean confirmed;

    UserAction(String method, String path, String label, boolean destructive, boolean confirmed) {
        this.method = method;
        this.path = path;
        this.label = label;
        this.destructive = destructive;
        this.confirmed = confirmed;
    }

    public String method() {
        return method;
    }

    /** The route after {@code /api/admin/users/{id}}, e.g. {@code /password-reset}. */
    public String path() {
        return path;
    }

    public String label() {
        return label;
    }

    /** Destructive actions ask for confirmation first. */
    public boolean isDestructive() {
        return destructive;
    }

    /** Whether the request body carries the target confirmation (the server refuses these without it). */
    public boolean isConfirmed() {
        return confirmed;
    }
}
