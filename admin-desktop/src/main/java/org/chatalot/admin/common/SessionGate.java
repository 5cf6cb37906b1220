package org.chatalot.admin.common;

/**
 * Where the task runner parks work that failed because the session ended. The shell shows the sign-in prompt
 * over the current screen and, once the admin has signed in again, re-runs what was parked, so the admin stays
 * on the screen, filters and page they were on.
 */
public interface SessionGate {
    SessionGate NONE = retry -> false;

    /** Takes {@code retry} to run after the next successful sign-in; false when no one is signed in to prompt. */
    boolean parkUntilSignedIn(Runnable retry);
}
