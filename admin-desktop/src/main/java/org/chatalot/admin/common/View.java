package org.chatalot.admin.common;

import javafx.scene.Parent;

/** A screen's view: its node tree, and hooks for when the shell shows or hides it (start/stop polling). */
public interface View {
    Parent root();

    default void shown() {
    }

    default void hidden() {
    }
}
