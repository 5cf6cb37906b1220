package org.chatalot.admin.doctor;

/** Lets the screen show each check as it runs; called on the checking thread. */
public interface CheckProgress {
    CheckProgress NONE = new CheckProgress() {
    };

    default void started(String id, String title) {
    }

    default void finished(Finding finding) {
    }
}
