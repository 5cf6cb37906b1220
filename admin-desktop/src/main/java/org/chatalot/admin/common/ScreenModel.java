package org.chatalot.admin.common;

import java.util.function.Consumer;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import org.chatalot.admin.api.AdminApi;

/**
 * What every screen's ViewModel has: a busy flag for the spinner, the last error (the server's own message or
 * why it could not be reached) and the last success message for the toast. Work goes through the TaskRunner.
 */
public abstract class ScreenModel {
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final TaskRunner runner;
    private final ApiAccess access;
    private int running;

    protected ScreenModel(TaskRunner runner, ApiAccess access) {
        this.runner = runner;
        this.access = access;
    }

    /** The API of the server currently signed in to; changes when the admin switches profiles. */
    @FunctionalInterface
    public interface ApiAccess {
        AdminApi api();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    protected AdminApi api() {
        return access.api();
    }

    protected TaskRunner runner() {
        return runner;
    }

    /** Runs {@code work} with the busy flag up; failures land in {@link #errorProperty()}. */
    protected <T> TaskHandle submit(String description, Work<T> work, Consumer<? super T> onSuccess) {
        return submit(description, work, onSuccess, failure -> { });
    }

    /** As above, and {@code afterFailure} runs after the error is shown (to reset a screen's own state). */
    protected <T> TaskHandle submit(String description, Work<T> work, Consumer<? super T> onSuccess,
                                    Consumer<? super Throwable> afterFailure) {
        error.set("");
        running++;
        busy.set(true);
        TaskHandle handle = runner.run(description, work, result -> {
            done();
            onSuccess.accept(result);
        }, failure -> {
            done();
            error.set(Formats.problem(failure));
            afterFailure.accept(failure);
        });
        return () -> {
            handle.cancel();
            done();
        };
    }

    protected void tell(String text) {
        message.set(text);
    }

    protected void fail(String text) {
        error.set(text);
    }

    private void done() {
        running = Math.max(0, running - 1);
        busy.set(running > 0);
    }
}
