package org.chatalot.installer.doctor;

/** Lets a UI show each check as it runs; called on the doctor's thread. */
public interface ProgressListener {
    ProgressListener NONE = new ProgressListener() {
    };

    default void started(String id, String title) {
    }

    default void finished(Finding finding) {
    }
}
