package org.chatalot.admin.users;

import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import javafx.beans.property.SimpleStringProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;

import org.chatalot.admin.api.UserAction;
import org.chatalot.admin.common.Dialogs;
import org.chatalot.admin.common.Fxml;
import org.chatalot.admin.common.View;
import org.chatalot.model.admin.AdminUser;
import org.chatalot.model.user.Role;
import org.chatalot.model.user.UserStatus;

/** The users table and its actions; every destructive action is confirmed in a dialog first. */
public final class UsersView implements View {
    private final UsersViewModel model;
    private final Parent root;
    private boolean loaded;
    private UUID lastSelected;

    @FXML private TextField search;
    @FXML private ComboBox<UserStatus> status;
    @FXML private ComboBox<Role> role;
    @FXML private Button searchButton;
    @FXML private ProgressIndicator busy;
    @FXML private Button create;
    @FXML private TableView<AdminUser> table;
    @FXML private Button suspend;
    @FXML private Button unsuspend;
    @FXML private Button resetPassword;
    @FXML private Button sessions;
    @FXML private MenuButton more;
    @FXML private MenuItem resetTwoFactor;
    @FXML private MenuItem revokeSessions;
    @FXML private MenuItem unlock;
    @FXML private MenuItem grantAdmin;
    @FXML private MenuItem revokeAdmin;
    @FXML private Button delete;
    @FXML private Button previous;
    @FXML private Label page;
    @FXML private Button next;
    @FXML private Label error;
    @FXML private Label message;

    public UsersView(UsersViewModel model) {
        this.model = model;
        this.root = Fxml.load(this);
    }

    @FXML
    private void initialize() {
        UserTable.configure(table, model);
        search.textProperty().bindBidirectional(model.searchProperty());
        search.setOnAction(event -> model.search());
        searchButton.setOnAction(event -> model.search());
        status.getItems().add(null);
        status.getItems().addAll(UserStatus.values());
        status.valueProperty().bindBidirectional(model.statusFilterProperty());
        status.setOnAction(event -> model.search());
        role.getItems().add(null);
        role.getItems().addAll(Role.values());
        role.valueProperty().bindBidirectional(model.roleFilterProperty());
        role.setOnAction(event -> model.search());
        busy.visibleProperty().bind(model.busyProperty());
        page.textProperty().bind(model.pageLabelProperty());
        error.textProperty().bind(model.errorProperty());
        message.textProperty().bind(model.messageProperty());
        previous.setOnAction(event -> model.previousPage());
        next.setOnAction(event -> model.nextPage());
        create.setOnAction(event -> CreateUserDialog.ask(root).ifPresent(model::create));
        wireActions();
        model.temporaryPasswordProperty().addListener((observable, was, password) -> {
            if (password != null && !password.isBlank()) {
                Dialogs.secret(root, "Temporary password", "Give this password to the user; it is shown only "
                        + "once and they should change it when they sign in.", password);
            }
        });
        model.users().addListener((ListChangeListener<AdminUser>) change -> reselect());
        table.getSelectionModel().selectedItemProperty().addListener((observable, was, now) -> {
            if (now != null) {
                lastSelected = now.id();
            }
            refreshButtons();
        });
        refreshButtons();
    }

    private void wireActions() {
        suspend.setOnAction(event -> confirmAndRun(UserAction.SUSPEND));
        unsuspend.setOnAction(event -> confirmAndRun(UserAction.UNSUSPEND));
        resetPassword.setOnAction(event -> confirmAndRun(UserAction.RESET_PASSWORD));
        resetTwoFactor.setOnAction(event -> confirmAndRun(UserAction.RESET_TWO_FACTOR));
        revokeSessions.setOnAction(event -> confirmAndRun(UserAction.REVOKE_SESSIONS));
        unlock.setOnAction(event -> confirmAndRun(UserAction.UNLOCK));
        grantAdmin.setOnAction(event -> confirmAndRun(UserAction.GRANT_ADMIN));
        revokeAdmin.setOnAction(event -> confirmAndRun(UserAction.REVOKE_ADMIN));
        sessions.setOnAction(event -> selected().ifPresent(user -> {
            model.loadSessions(user);
            SessionsDialog.show(root, user, model.sessions(), session -> model.revokeSession(user, session));
        }));
        delete.setOnAction(event -> selected().ifPresent(user -> Dialogs.confirm(root, "Delete " + user.username(),
                Actions.deleteConfirmation(user), "Delete", true, false).ifPresent(reason -> model.delete(user,
                reason))));
    }

    private void confirmAndRun(UserAction action) {
        selected().ifPresent(user -> {
            // the server keeps a reason only for suspensions (and deletions): asking for one elsewhere would be
            // a promise the audit log does not keep
            boolean needsReason = action == UserAction.SUSPEND;
            Dialogs.confirm(root, action.label() + " " + user.username(), Actions.confirmation(action, user),
                    action.label(), needsReason, needsReason)
                    .ifPresent(reason -> model.act(user, action, reason.isBlank() ? null : reason));
        });
    }

    private Optional<AdminUser> selected() {
        return Optional.ofNullable(table.getSelectionModel().getSelectedItem());
    }

    /** After an action the page reloads: keep the same user selected so the next action is one click away. */
    private void reselect() {
        model.users().stream().filter(user -> user.id().equals(lastSelected)).findFirst()
                .ifPresent(user -> table.getSelectionModel().select(user));
        refreshButtons();
    }

    private void refreshButtons() {
        AdminUser user = table.getSelectionModel().getSelectedItem();
        Function<UserAction, Boolean> offered = action -> user != null && Actions.isOffered(user, action);
        suspend.setDisable(!offered.apply(UserAction.SUSPEND));
        unsuspend.setDisable(!offered.apply(UserAction.UNSUSPEND));
        resetPassword.setDisable(!offered.apply(UserAction.RESET_PASSWORD));
        resetTwoFactor.setDisable(!offered.apply(UserAction.RESET_TWO_FACTOR));
        revokeSessions.setDisable(!offered.apply(UserAction.REVOKE_SESSIONS));
        unlock.setDisable(!offered.apply(UserAction.UNLOCK));
        grantAdmin.setDisable(!offered.apply(UserAction.GRANT_ADMIN));
        revokeAdmin.setDisable(!offered.apply(UserAction.REVOKE_ADMIN));
        boolean none = user == null;
        sessions.setDisable(none);
        more.setDisable(none);
        delete.setDisable(none || user.role() == Role.OWNER || user.status() == UserStatus.DELETED);
        previous.setDisable(!model.hasPreviousPage());
        next.setDisable(!model.hasNextPage());
    }

    static <S> TableColumn<S, String> column(String title, String id, Function<S, Object> value, double width) {
        TableColumn<S, String> column = new TableColumn<>(title);
        column.setId(id);
        column.setPrefWidth(width);
        column.setCellValueFactory(cell -> text(value.apply(cell.getValue())));
        return column;
    }

    private static ObservableValue<String> text(Object value) {
        return new SimpleStringProperty(value == null ? "" : value.toString());
    }

    @Override
    public Parent root() {
        return root;
    }

    @Override
    public void refresh() {
        model.load();
    }

    @Override
    public void shown() {
        if (!loaded) {
            loaded = true;
            model.load();
        }
    }

}
