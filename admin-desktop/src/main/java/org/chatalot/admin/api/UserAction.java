package org.chatalot.admin.api;

/** The per-user admin actions the API offers, each a {@code POST /api/admin/users/{id}/<path>}. */
public enum UserAction {
    SUSPEND("suspend", "Suspend", true),
    UNSUSPEND("unsuspend", "Unsuspend", false),
    RESET_PASSWORD("reset-password", "Reset password", true),
    RESET_TWO_FACTOR("reset-2fa", "Reset 2FA", true),
    REVOKE_SESSIONS("revoke-sessions", "Sign out everywhere", true),
    GRANT_ADMIN("grant-admin", "Make admin", false),
    REVOKE_ADMIN("revoke-admin", "Remove admin", true);

    private final String path;
    private final String label;
    private final boolean destructive;

    UserAction(String path, String label, boolean destructive) {
        this.path = path;
        this.label = label;
        this.destructive = destructive;
    }

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
}
