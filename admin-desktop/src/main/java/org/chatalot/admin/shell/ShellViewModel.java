package org.chatalot.admin.shell;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import org.chatalot.admin.api.ConnectionProblem;
import org.chatalot.admin.api.Problems;
import org.chatalot.admin.api.ServerConnection;
import org.chatalot.admin.common.ScreenModel;
import org.chatalot.admin.common.SessionExpiredException;
import org.chatalot.admin.common.SessionGate;
import org.chatalot.admin.common.TaskRunner;
import org.chatalot.admin.connection.ConnectionProfile;
import org.chatalot.admin.connection.PinChange;
import org.chatalot.admin.connection.ProfileStore;
import org.chatalot.admin.connection.TrustMode;
import org.chatalot.model.auth.Me;

/**
 * Navigation and the session around the screens. As the task runner's {@link SessionGate} it collects work that
 * failed because the session ended or because the pinned certificate changed, raises the sign-in prompt or the
 * certificate review over the current screen, and re-runs that work once the admin has dealt with it: a renewed
 * certificate mid-session is the same review as at sign-in, not the end of the session.
 */
public final class ShellViewModel extends ScreenModel implements SessionGate {
    private final ObjectProperty<Screen> screen = new SimpleObjectProperty<>(Screen.USERS);
    private final ObjectProperty<ServerConnection> connection = new SimpleObjectProperty<>();
    private final StringProperty identity = new SimpleStringProperty("");
    private final BooleanProperty reloginRequired = new SimpleBooleanProperty();
    private final ObjectProperty<PinChange> certificateChange = new SimpleObjectProperty<>();
    private final StringProperty banner = new SimpleStringProperty("");
    private final BooleanProperty dark = new SimpleBooleanProperty();
    private final List<Runnable> parked = new ArrayList<>();
    private final ProfileStore profiles;

    public ShellViewModel(TaskRunner runner, ProfileStore profiles) {
        super(runner, () -> {
            throw new IllegalStateException("the shell makes no admin calls");
        });
        this.profiles = profiles;
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

    /** The changed certificate waiting for the admin's review, or null. */
    public ObjectProperty<PinChange> certificateChangeProperty() {
        return certificateChange;
    }

    public StringProperty bannerProperty() {
        return banner;
    }

    /** The dark theme, for the whole window; kept across restarts by the window. */
    public BooleanProperty darkProperty() {
        return dark;
    }

    /** A new connection starts clean: nothing said about the previous server stays on screen. */
    public void signedIn(ServerConnection value) {
        forgetParked();
        banner.set("");
        fail("");
        connection.set(value);
        Me me = value.session().user();
        identity.set((me == null ? "?" : me.username() + " (" + me.role().wireName() + ")") + " @ "
                + value.profile().name() + " — " + value.profile().url().getHost());
    }

    @Override
    public boolean park(Throwable failure, Runnable retry) {
        if (connection.get() == null) {
            return false;
        }
        if (failure instanceof SessionExpiredException) {
            parked.add(retry);
            reloginRequired.set(true);
            return true;
        }
        Optional<PinChange> change = Problems.cause(failure, ConnectionProblem.class)
                .flatMap(ConnectionProblem::pinChange);
        if (change.isPresent()) {
            parked.add(retry);
            certificateChange.set(change.get());
            return true;
        }
        return false;
    }

    /** Signs in again as the same user on the same server, then re-runs whatever was waiting. */
    public void relogin(String password, String totpCode) {
        ServerConnection current = connection.get();
        String username = current.profile().username();
        submit("Signing in again", () -> current.session().login(username, password, totpCode), me -> {
            reloginRequired.set(false);
            resume();
        });
    }

    /**
     * The admin compared the new certificate and approves it: the profile now pins it, the session carries on
     * with it, and what was waiting runs.
     */
    public void approveCertificate() {
        ServerConnection current = connection.get();
        PinChange change = certificateChange.get();
        if (current == null || change == null) {
            return;
        }
        ConnectionProfile approved = current.profile().withTrust(new TrustMode.Pinned(change.presented().sha256()));
        submit("Pinning the new certificate", () -> {
            profiles.put(approved);
            current.retrust(approved);
            return approved;
        }, done -> {
            certificateChange.set(null);
            resume();
        });
    }

    private void resume() {
        if (reloginRequired.get() || certificateChange.get() != null) {
            return;
        }
        List<Runnable> retries = new ArrayList<>(parked);
        parked.clear();
        retries.forEach(Runnable::run);
    }

    /** Gives up on the parked work and returns to the sign-in screen. */
    public void abandonSession() {
        forgetParked();
        banner.set("");
        connection.set(null);
    }

    private void forgetParked() {
        parked.clear();
        reloginRequired.set(false);
        certificateChange.set(null);
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
