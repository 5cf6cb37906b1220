package org.chatalot.admin.common;

import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;

/** Copy buttons: generated passwords, invite links, the recovery code. On the UI thread. */
public final class Clipboards {
    private Clipboards() {
    }

    public static void copy(String text) {
        ClipboardContent content = new ClipboardContent();
        content.putString(text);
        Clipboard.getSystemClipboard().setContent(content);
    }
}
