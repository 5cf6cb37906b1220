package org.chatalot.admin.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.chatalot.admin.common.SessionGate;
import org.chatalot.admin.common.TaskHandle;
import org.chatalot.admin.common.TaskRunner;
import org.chatalot.admin.common.Work;

/** Runs work at once on the calling thread: ViewModel tests see the result as soon as the command returns. */
public final class ImmediateTaskRunner implements TaskRunner {
    private final List<String> descriptions = new ArrayList<>();
    private SessionGate gate = SessionGate.NONE;

    public void setSessionGate(SessionGate value) {
        gate = value;
    }

    public List<String> descriptions() {
        return descriptions;
    }

    @Override
    public <T> TaskHandle run(String description, Work<T> work, Consumer<? super T> onSuccess,
                              Consumer<? super Throwable> onFailure) {
        descriptions.add(description);
        T result;
        try {
            result = work.call();
        } catch (Exception e) {
            if (!gate.park(e, () -> run(description, work, onSuccess, onFailure))) {
                onFailure.accept(e);
            }
            return TaskHandle.DONE;
        }
        onSuccess.accept(result);
        return TaskHandle.DONE;
    }

    @Override
    public void onUiThread(Runnable update) {
        update.run();
    }
}
