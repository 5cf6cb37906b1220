package org.chatalot.admin.users;

import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import org.chatalot.admin.api.ActionResult;
import org.chatalot.admin.api.UserAction;
import org.chatalot.admin.api.UserQuery;
import org.chatalot.admin.common.ScreenModel;
import org.chatalot.admin.common.TaskRunner;
import org.chatalot.model.admin.AdminUser;
import org.chatalot.model.admin.AdminUserPage;
import org.chatalot.model.admin.CreateUserRequest;
import org.chatalot.model.auth.SessionInfo;
import org.chatalot.model.user.Role;
import org.chatalot.model.user.UserStatus;

/**
 * The users table: search text, status and role filters, server-side sort and paging, and the per-user actions.
 * After every action the current page is reloaded, so the row shows what the server now says.
 */
public final class UsersViewModel extends ScreenModel {
    public static final int PAGE_SIZE = 25;

    private final ObservableList<AdminUser> users = FXCollections.observableArrayList();
    private final ObservableList<SessionInfo> sessions = FXCollections.observableArrayList();
    private final StringProperty search = new SimpleStringProperty("");
    private final ObjectProperty<UserStatus> statusFilter = new SimpleObjectProperty<>();
    private final ObjectProperty<Role> roleFilter = new SimpleObjectProperty<>();
    private final StringProperty sortColumn = new SimpleStringProperty("username");
    private final ObjectProperty<Boolean> descending = new SimpleObjectProperty<>(false);
    private final IntegerProperty offset = new SimpleIntegerProperty(0);
    private final ReadOnlyLongWrapper total = new ReadOnlyLongWrapper();
    private final StringProperty pageLabel = new SimpleStringProperty("");
    private final StringProperty temporaryPassword = new SimpleStringProperty("");

    public UsersViewModel(TaskRunner runner, ApiAccess access) {
        super(runner, access);
    }

    public ObservableList<AdminUser> users() {
        return users;
    }

    public ObservableList<SessionInfo> sessions() {
        return sessions;
    }

    public StringProperty searchProperty() {
        return search;
    }

    public ObjectProperty<UserStatus> statusFilterProperty() {
        return statusFilter;
    }

    public ObjectProperty<Role> roleFilterProperty() {
        return roleFilter;
    }

    public StringProperty sortColumnProperty() {
        return sortColumn;
    }

    public ObjectProperty<Boolean> descendingProperty() {
        return descending;
    }

    public ReadOnlyLongProperty totalProperty() {
        return total.getReadOnlyProperty();
    }

    public StringProperty pageLabelProperty() {
        return pageLabel;
    }

    /** A password the server generated (create without password, reset password), shown once. */
    public StringProperty temporaryPasswordProperty() {
        return temporaryPassword;
    }

    /** Loads the current page with the current search, filters and sort. */
    public void load() {
        UserQuery query = new UserQuery(search.get().strip(), statusFilter.get() == null ? null
                : statusFilter.get().wireName(), roleFilter.get() == null ? null : roleFilter.get().wireName(),
                sortColumn.get(), Boolean.TRUE.equals(descending.get()), offset.get(), PAGE_SIZE);
        submit("Loading users", () -> api().users(query), this::show);
    }

    /** A new search or filter starts again at the first page. */
    public void search() {
        offset.set(0);
        load();
    }

    /** Sorting by the same column again flips the direction. */
    public void sortBy(String column) {
        if (column.equals(sortColumn.get())) {
            descending.set(!Boolean.TRUE.equals(descending.get()));
        } else {
            sortColumn.set(column);
            descending.set(false);
        }
        search();
    }

    public boolean hasNextPage() {
        return offset.get() + PAGE_SIZE < total.get();
    }

    public boolean hasPreviousPage() {
        return offset.get() > 0;
    }

    public void nextPage() {
        if (hasNextPage()) {
            offset.set(offset.get() + PAGE_SIZE);
            load();
        }
    }

    public void previousPage() {
        if (hasPreviousPage()) {
            offset.set(Math.max(0, offset.get() - PAGE_SIZE));
            load();
        }
    }

    public void create(CreateUserRequest request) {
        submit("Creating " + request.username(), () -> api().createUser(request), created -> {
            temporaryPassword.set(created.temporaryPassword() == null ? "" : created.temporaryPassword());
            tell("Created " + created.user().username());
            load();
        });
    }

    /** Runs the action; {@code reason} is required for a suspension: the user sees it and the audit log keeps it. */
    public void act(AdminUser user, UserAction action, String reason) {
        if (action == UserAction.SUSPEND && (reason == null || reason.isBlank())) {
            fail("Give a reason for the suspension: the user sees it and it goes into the audit log.");
            return;
        }
        submit(action.label() + " " + user.username(), () -> api().act(user.id(), action, reason),
                (ActionResult result) -> {
                    temporaryPassword.set(result.temporaryPassword().orElse(""));
                    tell(Actions.done(action, user));
                    load();
                });
    }

    public void delete(AdminUser user, String reason) {
        submit("Deleting " + user.username(), () -> {
            api().deleteUser(user.id(), reason);
            return user;
        }, deleted -> {
            tell("Deleted " + deleted.username());
            load();
        });
    }

    public void loadSessions(AdminUser user) {
        sessions.clear();
        submit("Loading sessions of " + user.username(), () -> api().sessions(user.id()), sessions::setAll);
    }

    /** Signs out one device; the list and the table's session count are reloaded from the server. */
    public void revokeSession(AdminUser user, SessionInfo session) {
        submit("Signing out " + session.device(), () -> {
            api().revokeSession(user.id(), session.id());
            return session;
        }, revoked -> {
            tell(user.username() + " signed out on " + revoked.device());
            loadSessions(user);
            load();
        });
    }

    private void show(AdminUserPage page) {
        // total first: listeners of the rows ask hasNextPage()
        total.set(page.total());
        users.setAll(page.users());
        long first = page.total() == 0 ? 0 : page.offset() + 1;
        long last = Math.min(page.total(), (long) page.offset() + page.users().size());
        pageLabel.set(first + "–" + last + " of " + page.total());
    }
}
