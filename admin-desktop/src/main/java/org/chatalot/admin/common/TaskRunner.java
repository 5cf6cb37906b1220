package org.chatalot.admin.common;

import java.util.function.Consumer;

/**
 * Runs blocking work off the FX thread and hands the result back on it. Every network and disk call of the
 * app goes through the one instance built in {@code AdminApp}, so there is one place that enforces time limits,
 * cancellation and the session-expiry prompt. Tests use a synchronous runner instead.
 */
public interface TaskRunner {

    /**
     * Starts {@code work}. Exactly one of the callbacks runs on the UI thread, unless the task is cancelled first.
     * A task that needs the admin to sign in again, or to approve a changed certificate, is parked and re-run
     * after they do (see {@link SessionGate}).
     */
    <T> TaskHandle run(String description, Work<T> work, Consumer<? super T> onSuccess,
                       Consumer<? super Throwable> onFailure);

    /** Runs {@code update} on the UI thread: progress reports from inside running work. */
    void onUiThread(Runnable update);
}
