package org.chatalot.admin.users;

import java.util.List;

import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

import org.chatalot.admin.common.Formats;
import org.chatalot.model.admin.AdminUser;
import org.chatalot.model.user.UserStatus;

/**
 * The users table's columns. Sorting is the server's (the table holds one page): a click on a header asks the
 * ViewModel to reload sorted by that column, and the table never reorders rows itself.
 */
final class UserTable {
    private UserTable() {
    }

    static void configure(TableView<AdminUser> table, UsersViewModel model) {
        table.setItems(model.users());
        table.getColumns().setAll(List.of(
                UsersView.column("Username", "username", AdminUser::username, 110),
                UsersView.column("Display name", "display_name", AdminUser::displayName, 140),
                UsersView.column("Email", "email", AdminUser::email, 180),
                UsersView.column("Role", "role", user -> user.role().wireName(), 70),
                statusColumn(),
                UsersView.column("Reason", "status_reason", UserTable::reason, 150),
                UsersView.column("2FA", "totp", user -> user.totpEnabled() ? "on" : "", 40),
                UsersView.column("Last seen", "last_seen_at", user -> Formats.dateTime(user.lastSeenAt()), 130),
                UsersView.column("Storage", "storage_bytes", user -> Formats.bytes(user.storageBytes()), 80)));
        table.getColumns().stream().filter(column -> "totp".equals(column.getId())
                || "status_reason".equals(column.getId())).forEach(column -> column.setSortable(false));
        table.setSortPolicy(sorted -> {
            requestSort(table, model);
            return true;
        });
    }

    private static void requestSort(TableView<AdminUser> table, UsersViewModel model) {
        if (table.getSortOrder().isEmpty()) {
            return;
        }
        TableColumn<AdminUser, ?> column = table.getSortOrder().get(0);
        boolean descending = column.getSortType() == TableColumn.SortType.DESCENDING;
        // the policy also runs when rows are replaced: only a new column or direction means a new query
        if (!column.getId().equals(model.sortColumnProperty().get())
                || descending != Boolean.TRUE.equals(model.descendingProperty().get())) {
            model.sortColumnProperty().set(column.getId());
            model.descendingProperty().set(descending);
            model.search();
        }
    }

    private static TableColumn<AdminUser, String> statusColumn() {
        TableColumn<AdminUser, String> column = UsersView.column("Status", "status",
                UserTable::status, 95);
        column.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(String status, boolean empty) {
                super.updateItem(status, empty);
                if (empty || status == null) {
                    setGraphic(null);
                    return;
                }
                Label badge = new Label(status);
                badge.getStyleClass().addAll("badge", "badge-" + status);
                setGraphic(badge);
            }
        });
        return column;
    }

    /** Why the account is suspended (what the user is told), empty otherwise. */
    static String reason(AdminUser user) {
        return user.status() == UserStatus.SUSPENDED && user.statusReason() != null ? user.statusReason() : "";
    }

    /** The account's status, or "locked" for an active account locked out after failed sign-ins. */
    static String status(AdminUser user) {
        return user.status() == UserStatus.ACTIVE && user.lockedUntil() != null ? "locked" : user.status().wireName();
    }
}
