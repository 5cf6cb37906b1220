package org.chatalot.admin.users;

import java.util.List;

import javafx.collections.ObservableList;
import javafx.scene.Node;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;

import org.chatalot.admin.common.Dialogs;
import org.chatalot.admin.common.Formats;
import org.chatalot.model.admin.AdminUser;
import org.chatalot.model.auth.SessionInfo;

/** A user's signed-in devices; the list fills in when the request returns. */
final class SessionsDialog {
    private SessionsDialog() {
    }

    static void show(Node owner, AdminUser user, ObservableList<SessionInfo> sessions) {
        TableView<SessionInfo> table = new TableView<>(sessions);
        table.setPlaceholder(new Label("No active sessions."));
        table.setPrefSize(680, 260);
        table.getColumns().setAll(List.of(
                UsersView.column("Device", "device", SessionInfo::device, 220),
                UsersView.column("IP", "ip", SessionInfo::ip, 120),
                UsersView.column("Signed in", "created", s -> Formats.dateTime(s.createdAt()), 130),
                UsersView.column("Last used", "used", s -> Formats.dateTime(s.lastUsedAt()), 130),
                UsersView.column("Expires", "expires", s -> Formats.dateTime(s.expiresAt()), 130)));
        Dialog<Void> dialog = new Dialog<>();
        dialog.initOwner(owner.getScene().getWindow());
        dialog.setTitle("Sessions of " + user.username());
        dialog.setHeaderText("Sessions of " + user.username());
        dialog.getDialogPane().setContent(table);
        dialog.getDialogPane().getButtonTypes().add(ButtonType.CLOSE);
        Dialogs.styled(dialog, owner);
        dialog.show();
    }
}
