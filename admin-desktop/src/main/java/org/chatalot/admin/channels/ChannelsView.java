package org.chatalot.admin.channels;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;

import org.chatalot.admin.common.Dialogs;
import org.chatalot.admin.common.Formats;
import org.chatalot.admin.common.Fxml;
import org.chatalot.admin.common.Tables;
import org.chatalot.admin.common.View;
import org.chatalot.model.admin.AdminChannel;
import org.chatalot.model.channel.ChannelKind;
import org.chatalot.model.channel.ChannelMember;

/** Every channel with its counts; members, archive and delete act on the selected one, delete after asking. */
public final class ChannelsView implements View {
    private final ChannelsViewModel model;
    private final Parent root;

    @FXML private TextField filter;
    @FXML private ProgressIndicator busy;
    @FXML private Button refresh;
    @FXML private TableView<AdminChannel> table;
    @FXML private Button members;
    @FXML private Button archive;
    @FXML private Button unarchive;
    @FXML private Button delete;
    @FXML private Label error;
    @FXML private Label message;

    public ChannelsView(ChannelsViewModel model) {
        this.model = model;
        this.root = Fxml.load(this);
    }

    @FXML
    private void initialize() {
        table.setItems(model.channels());
        table.getColumns().setAll(List.of(
                Tables.column("Name", c -> c.kind() == ChannelKind.DM ? "(direct message)" : "#" + c.name(), 200),
                Tables.column("Kind", c -> c.kind().wireName(), 70),
                Tables.column("Visibility", c -> c.visibility().wireName(), 90),
                Tables.column("Members", AdminChannel::memberCount, 80),
                Tables.column("Messages", AdminChannel::messageCount, 90),
                Tables.column("Created", c -> Formats.dateTime(c.createdAt()), 140),
                Tables.badgeColumn("State", ChannelsViewModel::state, 90)));
        filter.textProperty().bindBidirectional(model.filterProperty());
        busy.visibleProperty().bind(model.busyProperty());
        error.textProperty().bind(model.errorProperty());
        message.textProperty().bind(model.messageProperty());
        refresh.setOnAction(event -> model.load());
        table.getSelectionModel().selectedItemProperty().addListener((observable, was, now) -> buttons(now));
        buttons(null);
        members.setOnAction(event -> selected(this::showMembers));
        unarchive.setOnAction(event -> selected(channel -> model.setArchived(channel, false)));
        archive.setOnAction(event -> selected(channel -> Dialogs.confirm(root, "Archive "
                + ChannelsViewModel.label(channel), "Archive " + ChannelsViewModel.label(channel) + "? Nobody can"
                + " post in it until it is unarchived; its messages stay readable.", "Archive", false, false)
                .ifPresent(reason -> model.setArchived(channel, true))));
        delete.setOnAction(event -> selected(channel -> Dialogs.confirm(root, "Delete "
                + ChannelsViewModel.label(channel), "Delete " + ChannelsViewModel.label(channel) + " with its "
                + channel.messageCount() + " messages and " + channel.memberCount() + " members? Members see it"
                + " disappear at once. This cannot be undone.", "Delete", false, false)
                .ifPresent(reason -> model.delete(channel))));
    }

    private void buttons(AdminChannel channel) {
        boolean none = channel == null;
        boolean dm = !none && channel.kind() == ChannelKind.DM;
        members.setDisable(none);
        delete.setDisable(none);
        archive.setDisable(none || dm || channel.archivedAt() != null);
        unarchive.setDisable(none || dm || channel.archivedAt() == null);
    }

    private void selected(Consumer<AdminChannel> action) {
        Optional.ofNullable(table.getSelectionModel().getSelectedItem()).ifPresent(action);
    }

    private void showMembers(AdminChannel channel) {
        model.loadMembers(channel);
        TableView<ChannelMember> list = new TableView<>(model.members());
        list.setId("membersTable");
        list.setPlaceholder(new Label("No members."));
        list.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        list.getColumns().setAll(List.of(
                Tables.column("Username", m -> m.user().username(), 160),
                Tables.column("Display name", m -> m.user().displayName(), 180),
                Tables.badgeColumn("Role", m -> m.role().wireName(), 100),
                Tables.column("Joined", m -> Formats.dateTime(m.joinedAt()), 140)));
        Dialog<Void> dialog = new Dialog<>();
        dialog.initOwner(root.getScene().getWindow());
        dialog.setTitle("Members of " + ChannelsViewModel.label(channel));
        dialog.setHeaderText("Members of " + ChannelsViewModel.label(channel));
        dialog.setResizable(true);
        VBox content = new VBox(10, list);
        content.setPrefSize(Math.min(640, root.getScene().getWidth() * 0.8), Math.min(420,
                root.getScene().getHeight() * 0.6));
        dialog.getDialogPane().setContent(content);
        dialog.getDialogPane().getButtonTypes().add(ButtonType.CLOSE);
        Dialogs.styled(dialog, root);
        dialog.show();
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
