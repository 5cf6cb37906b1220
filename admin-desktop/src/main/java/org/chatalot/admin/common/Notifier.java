package org.chatalot.admin.common;

/** Tells the admin something happened while they may be looking elsewhere (a check result got worse). */
public interface Notifier {
    Notifier NONE = (title, message) -> { };

    void notify(String title, String message);
}
