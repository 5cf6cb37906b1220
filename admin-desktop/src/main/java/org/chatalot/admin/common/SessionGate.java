package org.chatalot.admin.common;

/**
 * Where the task runner parks work that failed for a reason the admin can resolve without losing their place: the
 * session ended (sign in again), or a pinned certificate changed (review and approve it). The shell shows the
 * prompt over the current screen and, once resolved, re-runs what was parked, so the admin stays on the screen,
 * filters and page they were on.
 */
public interface SessionGate {
    SessionGate NONE = (failure, retry) -> false;

    /**
     * Takes {@code retry} to run once {@code failure} is resolved; false when it is not a failure the gate
     * resolves, or no one is signed in to ask.
     */
    boolean park(Throwable failure, Runnable retry);
}
