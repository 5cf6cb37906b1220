package org.chatalot.admin.common;

import java.io.File;
import java.nio.file.Path;
import java.util.Optional;

import javafx.beans.binding.Bindings;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/** The app's dialogs: confirmations destructive actions go through (styled like the rest), messages, saving. */
public final class Dialogs {
    private Dialogs() {
    }

    /**
     * Asks {@code question}; with {@code askReason} also for a reason (required when {@code reasonRequired}).
     * Empty when the admin cancels.
     */
    public static Optional<String> confirm(Node owner, String title, String question, String confirmLabel,
                                           boolean askReason, boolean reasonRequired) {
        Dialog<String> dialog = new Dialog<>();
        dialog.initOwner(window(owner));
        dialog.setTitle(title);
        dialog.setHeaderText(title);
        Label text = new Label(question);
        text.setWrapText(true);
        text.setMaxWidth(420);
        VBox content = new VBox(10, text);
        TextArea reason = new TextArea();
        reason.setId("reason");
        reason.setPromptText(reasonRequired ? "Reason (required, shown to the user and kept in the audit log)"
                : "Reason (optional, kept in the audit log)");
        reason.setPrefRowCount(3);
        if (askReason) {
            content.getChildren().add(reason);
        }
        dialog.getDialogPane().setContent(content);
        ButtonType confirm = new ButtonType(confirmLabel, ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().addAll(ButtonType.CANCEL, confirm);
        dialog.getDialogPane().lookupButton(confirm).disableProperty()
                .bind(reason.textProperty().isEmpty().and(Bindings.createBooleanBinding(
                        () -> askReason && reasonRequired)));
        dialog.getDialogPane().getStyleClass().add("app-dialog");
        styled(dialog, owner);
        dialog.setResultConverter(button -> button == confirm ? reason.getText().strip() : null);
        return dialog.showAndWait();
    }

    public static void info(Node owner, String title, String message) {
        Alert alert = new Alert(Alert.AlertType.INFORMATION, message, ButtonType.OK);
        alert.initOwner(window(owner));
        alert.setTitle(title);
        alert.setHeaderText(title);
        styled(alert, owner);
        alert.showAndWait();
    }

    /**
     * Shows something generated that is shown only once (a temporary password) with a Copy button, so the admin
     * never has to retype it.
     */
    public static void secret(Node owner, String title, String explanation, String secret) {
        Dialog<Void> dialog = new Dialog<>();
        dialog.initOwner(window(owner));
        dialog.setTitle(title);
        dialog.setHeaderText(title);
        Label text = new Label(explanation);
        text.setWrapText(true);
        text.setMaxWidth(440);
        TextField value = new TextField(secret);
        value.setId("secret");
        value.setEditable(false);
        value.getStyleClass().add("mono");
        Label copied = new Label();
        copied.getStyleClass().add("ok-text");
        Button copy = new Button("Copy");
        copy.setId("copySecret");
        copy.setOnAction(event -> {
            Clipboards.copy(secret);
            copied.setText("Copied to the clipboard.");
        });
        HBox.setHgrow(value, Priority.ALWAYS);
        dialog.getDialogPane().setContent(new VBox(10, text, new HBox(8, value, copy), copied));
        dialog.getDialogPane().getButtonTypes().add(ButtonType.CLOSE);
        styled(dialog, owner);
        dialog.showAndWait();
    }

    public static void styled(Dialog<?> dialog, Node owner) {
        if (owner != null && owner.getScene() != null) {
            dialog.getDialogPane().getStylesheets().addAll(owner.getScene().getStylesheets());
        }
    }

    /** Asks where to save a file, suggesting {@code initialName}; empty when the admin cancels. */
    public static Optional<Path> saveAs(Node owner, String title, String initialName) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.setInitialFileName(initialName);
        return Optional.ofNullable(chooser.showSaveDialog(window(owner))).map(File::toPath);
    }

    private static Window window(Node owner) {
        return owner == null || owner.getScene() == null ? null : owner.getScene().getWindow();
    }
}
