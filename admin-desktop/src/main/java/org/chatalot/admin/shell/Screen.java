package org.chatalot.admin.shell;

import java.util.Optional;

/** The screens in the sidebar, in its order; the first ten open with Ctrl (⌘) + 1 … 9, 0. */
public enum Screen {
    USERS("Users"),
    INVITES("Invites"),
    CHANNELS("Channels"),
    AUDIT("Audit log"),
    STATS("Statistics"),
    SETTINGS("Settings"),
    BACKUPS("Backups"),
    HEALTH("Health"),
    HISTORY("History"),
    CHECKS("TLS & deployment");

    private final String title;

    Screen(String title) {
        this.title = title;
    }

    public String title() {
        return title;
    }

    /** The digit of its shortcut: 1 for the first screen, 0 for the tenth. */
    public Optional<Integer> shortcutDigit() {
        return ordinal() < 10 ? Optional.of((ordinal() + 1) % 10) : Optional.empty();
    }

    public static Optional<Screen> byShortcutDigit(int digit) {
        int index = digit == 0 ? 9 : digit - 1;
        return index < values().length ? Optional.of(values()[index]) : Optional.empty();
    }
}
