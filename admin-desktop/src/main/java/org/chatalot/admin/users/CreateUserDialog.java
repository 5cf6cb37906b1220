package org.chatalot.admin.users;

import java.util.Optional;

import javafx.scene.Node;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;

import org.chatalot.admin.common.Dialogs;
import org.chatalot.model.admin.CreateUserRequest;
import org.chatalot.model.user.Role;

/** Asks for a new account's details; an empty password lets the server generate a temporary one. */
final class CreateUserDialog {
    private CreateUserDialog() {
    }

    static Optional<CreateUserRequest> ask(Node owner) {
        Dialog<CreateUserRequest> dialog = new Dialog<>();
        dialog.initOwner(owner.getScene().getWindow());
        dialog.setTitle("New user");
        dialog.setHeaderText("Create an account");
        TextField username = field("username", "3–32 characters");
        TextField displayName = field("displayName", "optional");
        TextField email = field("email", "optional");
        PasswordField password = new PasswordField();
        password.setPromptText("empty: the server makes a temporary one");
        ChoiceBox<Role> role = new ChoiceBox<>();
        role.getItems().setAll(Role.MEMBER, Role.ADMIN);
        role.setValue(Role.MEMBER);
        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(10);
        grid.addRow(0, new Label("Username"), username);
        grid.addRow(1, new Label("Display name"), displayName);
        grid.addRow(2, new Label("Email"), email);
        grid.addRow(3, new Label("Password"), password);
        grid.addRow(4, new Label("Role"), role);
        dialog.getDialogPane().setContent(grid);
        ButtonType create = new ButtonType("Create", ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().addAll(ButtonType.CANCEL, create);
        dialog.getDialogPane().lookupButton(create).disableProperty().bind(username.textProperty().isEmpty());
        Dialogs.styled(dialog, owner);
        dialog.setResultConverter(button -> button != create ? null : new CreateUserRequest(username.getText().strip(),
                blank(displayName.getText()), blank(email.getText()), blank(password.getText()), role.getValue()));
        return dialog.showAndWait();
    }

    private static TextField field(String id, String prompt) {
        TextField field = new TextField();
        field.setId(id);
        field.setPromptText(prompt);
        return field;
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
