package org.chatalot.admin.common;

import javafx.scene.Parent;

/**
 * A screen's view: its node tree, hooks for when the shell shows or hides it (start/stop polling), and a reload
 * on request (F5).
 */
public interface View {
    Parent root();

    default void shown() {
    }

    default void hidden() {
    }

    /** Loads the screen's data again; screens without a reload ignore it. */
    default void refresh() {
    }
}
