package org.chatalot.admin.common;

/** A submitted task: lets the screen that started it cancel it (leaving the screen, pressing Cancel). */
public interface TaskHandle {
    TaskHandle DONE = () -> { };

    void cancel();
}
