package org.chatalot.admin.invites;

import java.util.List;
import java.util.function.Consumer;

import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;

import org.chatalot.admin.common.Clipboards;
import org.chatalot.admin.common.Dialogs;
import org.chatalot.admin.common.Formats;
import org.chatalot.admin.common.Fxml;
import org.chatalot.admin.common.Tables;
import org.chatalot.admin.common.View;
import org.chatalot.model.admin.Invite;

/** Invites: create with limits, copy the link, revoke with confirmation. */
public final class InvitesView implements View {
    private final InvitesViewModel model;
    private final Parent root;

    @FXML private TextField maxUses;
    @FXML private TextField expiresHours;
    @FXML private Button create;
    @FXML private ProgressIndicator busy;
    @FXML private HBox linkRow;
    @FXML private TextField link;
    @FXML private Button copy;
    @FXML private TableView<Invite> table;
    @FXML private Button copySelected;
    @FXML private Button revoke;
    @FXML private Button refresh;
    @FXML private Label error;
    @FXML private Label message;

    public InvitesView(InvitesViewModel model) {
        this.model = model;
        this.root = Fxml.load(this);
    }

    @FXML
    private void initialize() {
        table.setItems(model.invites());
        table.getColumns().setAll(List.of(
                Tables.column("Code", Invite::code, 150),
                Tables.column("Uses", i -> i.uses() + (i.maxUses() == null ? " of ∞" : " of " + i.maxUses()), 90),
                Tables.column("Expires", i -> i.expiresAt() == null ? "never" : Formats.dateTime(i.expiresAt()), 140),
                Tables.column("Created", i -> Formats.dateTime(i.createdAt()), 140),
                Tables.badgeColumn("State", InvitesView::state, 100)));
        busy.visibleProperty().bind(model.busyProperty());
        error.textProperty().bind(model.errorProperty());
        message.textProperty().bind(model.messageProperty());
        link.textProperty().bind(model.lastLinkProperty());
        linkRow.visibleProperty().bind(model.lastLinkProperty().isNotEmpty());
        linkRow.managedProperty().bind(linkRow.visibleProperty());
        create.setOnAction(event -> model.create(number(maxUses), number(expiresHours)));
        copy.setOnAction(event -> copied(link.getText()));
        copySelected.setOnAction(event -> selected(invite -> copied(model.link(invite))));
        table.getSelectionModel().selectedItemProperty().addListener((observable, was, invite) -> {
            copySelected.setDisable(invite == null || invite.revokedAt() != null);
            revoke.setDisable(invite == null || invite.revokedAt() != null);
        });
        copySelected.setDisable(true);
        revoke.setDisable(true);
        revoke.setOnAction(event -> selected(invite -> Dialogs.confirm(root, "Revoke invite", "Revoke invite "
                + invite.code() + "? Nobody can register with it any more.", "Revoke", false, false)
                .ifPresent(reason -> model.revoke(invite))));
        refresh.setOnAction(event -> model.load());
    }

    static String state(Invite invite) {
        if (invite.revokedAt() != null) {
            return "revoked";
        }
        return invite.usable() ? "usable" : "used up";
    }

    private void selected(Consumer<Invite> action) {
        Invite invite = table.getSelectionModel().getSelectedItem();
        if (invite != null) {
            action.accept(invite);
        }
    }

    private void copied(String text) {
        Clipboards.copy(text);
        model.copied(text);
    }

    private Integer number(TextField field) {
        String text = field.getText().strip();
        if (text.isEmpty()) {
            return null;
        }
        try {
            return Integer.valueOf(text);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    @Override
    public Parent root() {
        return root;
    }

    @Override
    public void shown() {
        model.load();
    }

    @Override
    public void refresh() {
        model.load();
    }
}
