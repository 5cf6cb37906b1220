package org.chatalot.admin.common;

/** Tells the admin something happened while they may be looking elsewhere (a check result got worse). */
public interface Notifier {
    Notifier NONE = (title, message) -> { };

    void notify(String title, String message);

    /** How notifications reach the admin here, for the screen to say; may start the desktop toolkit, so off the UI
     * thread. */
    default String channel() {
        return "in-app banner";
    }
}
