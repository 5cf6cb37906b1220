package org.chatalot.admin.users;

import java.util.List;
import java.util.function.Consumer;

import javafx.beans.binding.Bindings;
import javafx.collections.ObservableList;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import org.chatalot.admin.common.Dialogs;
import org.chatalot.admin.common.Formats;
import org.chatalot.model.admin.AdminUser;
import org.chatalot.model.auth.SessionInfo;

/** A user's signed-in devices; the list fills in when the request returns, and one device can be signed out. */
final class SessionsDialog {
    private SessionsDialog() {
    }

    static void show(Node owner, AdminUser user, ObservableList<SessionInfo> sessions, Consumer<SessionInfo> signOut) {
        TableView<SessionInfo> table = new TableView<>(sessions);
        table.setId("sessionsTable");
        table.setPlaceholder(new Label("No active sessions."));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        // fits the window it belongs to, whatever the screen and scale; the admin may still resize it
        table.setPrefSize(Math.min(760, owner.getScene().getWidth() * 0.8),
                Math.min(320, owner.getScene().getHeight() * 0.5));
        table.setMinSize(320, 120);
        VBox.setVgrow(table, Priority.ALWAYS);
        table.getColumns().setAll(List.of(
                UsersView.column("Device", "device", SessionInfo::device, 220),
                UsersView.column("IP", "ip", SessionInfo::ip, 120),
                UsersView.column("Signed in", "created", s -> Formats.dateTime(s.createdAt()), 130),
                UsersView.column("Last used", "used", s -> Formats.dateTime(s.lastUsedAt()), 130),
                UsersView.column("Expires", "expires", s -> Formats.dateTime(s.expiresAt()), 130)));
        Button revoke = new Button("Sign out this device");
        revoke.setId("revokeSession");
        revoke.disableProperty().bind(Bindings.isNull(table.getSelectionModel().selectedItemProperty()));
        revoke.setOnAction(event -> signOut.accept(table.getSelectionModel().getSelectedItem()));
        HBox actions = new HBox(revoke);
        actions.setAlignment(Pos.CENTER_LEFT);
        Dialog<Void> dialog = new Dialog<>();
        dialog.initOwner(owner.getScene().getWindow());
        dialog.setTitle("Sessions of " + user.username());
        dialog.setHeaderText("Sessions of " + user.username());
        dialog.setResizable(true);
        dialog.getDialogPane().setContent(new VBox(10, table, actions));
        dialog.getDialogPane().getButtonTypes().add(ButtonType.CLOSE);
        Dialogs.styled(dialog, owner);
        dialog.show();
    }
}
