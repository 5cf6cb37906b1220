package org.chatalot.admin.shell;

/** The screens in the sidebar, in its order. */
public enum Screen {
    USERS("Users"),
    INVITES("Invites"),
    AUDIT("Audit log"),
    SETTINGS("Settings"),
    BACKUPS("Backups"),
    HEALTH("Health"),
    CHECKS("TLS & deployment");

    private final String title;

    Screen(String title) {
        this.title = title;
    }

    public String title() {
        return title;
    }
}
