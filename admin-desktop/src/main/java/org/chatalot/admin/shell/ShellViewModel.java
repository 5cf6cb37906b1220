package org.chatalot.admin.shell;

import java.util.ArrayList;
import java.util.List;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import org.chatalot.admin.api.ServerConnection;
import org.chatalot.admin.common.ScreenModel;
import org.chatalot.admin.common.SessionGate;
import org.chatalot.admin.common.TaskRunner;
import org.chatalot.model.auth.Me;

/**
 * Navigation and the session around the screens. As the task runner's {@link SessionGate} it collects work that
 * failed because the session ended, raises the sign-in prompt, and re-runs that work once the admin is back.
 */
public final class ShellViewModel extends ScreenModel implements SessionGate {
    private final ObjectProperty<Screen> screen = new SimpleObjectProperty<>(Screen.USERS);
    private final ObjectProperty<ServerConnection> connection = new SimpleObjectProperty<>();
    private final StringProperty identity = new SimpleStringProperty("");
    private final BooleanProperty reloginRequired = new SimpleBooleanProperty();
    private final StringProperty banner = new SimpleStringProperty("");
    private final List<Runnable> parked = new ArrayList<>();

    public ShellViewModel(TaskRunner runner) {
        super(runner, () -> {
            throw new IllegalStateException("the shell makes no admin calls");
        });
    }

    public ObjectProperty<Screen> screenProperty() {
        return screen;
    }

    public ObjectProperty<ServerConnection> connectionProperty() {
        return connection;
    }

    /** "owner @ Production (chat.example.com)": who is signed in where. */
    public StringProperty identityProperty() {
        return identity;
    }

    public BooleanProperty reloginRequiredProperty() {
        return reloginRequired;
    }

    public StringProperty bannerProperty() {
        return banner;
    }

    public void signedIn(ServerConnection value) {
        connection.set(value);
        Me me = value.session().user();
        identity.set((me == null ? "?" : me.username() + " (" + me.role().wireName() + ")") + " @ "
                + value.profile().name() + " — " + value.profile().url().getHost());
    }

    @Override
    public boolean parkUntilSignedIn(Runnable retry) {
        if (connection.get() == null) {
            return false;
        }
        parked.add(retry);
        reloginRequired.set(true);
        return true;
    }

    /** Signs in again as the same user on the same server, then re-runs whatever was waiting. */
    public void relogin(String password, String totpCode) {
        ServerConnection current = connection.get();
        String username = current.profile().username();
        submit("Signing in again", () -> current.session().login(username, password, totpCode), me -> {
            reloginRequired.set(false);
            List<Runnable> retries = new ArrayList<>(parked);
            parked.clear();
            retries.forEach(Runnable::run);
        });
    }

    /** Gives up on the parked work and returns to the sign-in screen. */
    public void abandonSession() {
        parked.clear();
        reloginRequired.set(false);
        connection.set(null);
    }

    public void logout() {
        ServerConnection current = connection.get();
        if (current == null) {
            return;
        }
        submit("Signing out", () -> {
            current.session().logout();
            return current;
        }, done -> abandonSession(), failure -> abandonSession());
    }

    public void showBanner(String title, String message) {
        banner.set(title + (message.isBlank() ? "" : ": " + message));
    }

    public void dismissBanner() {
        banner.set("");
    }
}
