package org.chatalot.admin.login;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import org.chatalot.admin.api.ApiException;
import org.chatalot.admin.api.ConnectionProblem;
import org.chatalot.admin.api.ServerConnection;
import org.chatalot.admin.api.TokenListener;
import org.chatalot.admin.common.ScreenModel;
import org.chatalot.admin.common.TaskRunner;
import org.chatalot.admin.connection.CertificateDetails;
import org.chatalot.admin.connection.CertificateProbe;
import org.chatalot.admin.connection.ConnectionProfile;
import org.chatalot.admin.connection.ProfileStore;
import org.chatalot.model.auth.AuthConfig;

/**
 * Profiles, trust, sign-in and the first-owner setup. Pinning is always an explicit step after the certificate is
 * on screen; a pinned certificate that changed blocks sign-in, explains why and offers the new certificate for
 * review. A server without an owner is set up here (setup code, owner account) instead of offering a sign-in that
 * cannot succeed; the recovery code the server then shows once is kept on screen until the admin has saved it.
 */
public final class LoginViewModel extends ScreenModel {
    public static final String PIN_WARNING = "Pin only a certificate you recognise. Compare this SHA-256 fingerprint"
            + " with the one on your server (openssl x509 -noout -fingerprint -sha256 -in cert.pem). If they differ,"
            + " someone may be intercepting the connection: do not pin it.";

    private final ObservableList<ConnectionProfile> profiles = FXCollections.observableArrayList();
    private final LoginForm form = new LoginForm();
    private final ObjectProperty<CertificateDetails> reviewed = new SimpleObjectProperty<>();
    private final BooleanProperty certificateChanged = new SimpleBooleanProperty();
    private final BooleanProperty totpRequired = new SimpleBooleanProperty();
    private final BooleanProperty setupRequired = new SimpleBooleanProperty();
    private final StringProperty setupHint = new SimpleStringProperty("");
    private final StringProperty recoveryCode = new SimpleStringProperty("");
    private final StringProperty status = new SimpleStringProperty("");
    private final ProfileStore store;
    private final Connector connector;
    private final CertificateProbe probe;
    private final RememberedSessions remembered;
    private final Consumer<ServerConnection> onSignedIn;
    private ProfileCleanup onProfileDeleted = name -> { };
    private ServerConnection awaitingRecoveryCode;

    /** What else goes when a profile is deleted (its history). */
    @FunctionalInterface
    public interface ProfileCleanup {
        void forget(String profileName) throws IOException;
    }

    public LoginViewModel(TaskRunner runner, ProfileStore store, Connector connector, CertificateProbe probe,
                          RememberedSessions remembered, Consumer<ServerConnection> onSignedIn) {
        super(runner, () -> {
            throw new IllegalStateException("not signed in yet");
        });
        this.store = store;
        this.connector = connector;
        this.probe = probe;
        this.remembered = remembered;
        this.onSignedIn = onSignedIn;
    }

    public void setOnProfileDeleted(ProfileCleanup cleanup) {
        this.onProfileDeleted = cleanup;
    }

    public ObservableList<ConnectionProfile> profiles() {
        return profiles;
    }

    public LoginForm form() {
        return form;
    }

    /** The certificate the server presented, on screen for the admin to compare before pinning. */
    public ObjectProperty<CertificateDetails> reviewedProperty() {
        return reviewed;
    }

    public BooleanProperty certificateChangedProperty() {
        return certificateChanged;
    }

    public BooleanProperty totpRequiredProperty() {
        return totpRequired;
    }

    /** The server has no owner: the form offers "Set up this server" instead of signing in. */
    public BooleanProperty setupRequiredProperty() {
        return setupRequired;
    }

    /** Where the operator finds the setup code, as the server says (never the code itself). */
    public StringProperty setupHintProperty() {
        return setupHint;
    }

    /** The new owner's recovery code, shown once after setup until {@link #recoveryCodeSaved()}. */
    public StringProperty recoveryCodeProperty() {
        return recoveryCode;
    }

    public StringProperty statusProperty() {
        return status;
    }

    public void loadProfiles() {
        submit("Loading profiles", store::load, loaded -> {
            profiles.setAll(loaded);
            if (!loaded.isEmpty() && form.nameProperty().get().isBlank()) {
                select(loaded.get(0));
            }
        });
    }

    /** Another profile: nothing said about the previous one stays on screen. */
    public void select(ConnectionProfile profile) {
        form.fill(profile);
        resetMessages();
        askServer();
    }

    public void newProfile() {
        form.clear();
        resetMessages();
    }

    private void resetMessages() {
        fail("");
        tell("");
        status.set("");
        reviewed.set(null);
        certificateChanged.set(false);
        totpRequired.set(false);
        setupRequired.set(false);
        setupHint.set("");
    }

    /**
     * Asks the server (without signing in) whether it has an owner yet, so a new server shows its setup form at
     * once. Quiet when it cannot be reached: signing in explains that.
     */
    public void askServer() {
        form.toProfile(problem -> { }).ifPresent(profile -> runner().run("Asking " + profile.url().getHost(),
                () -> connector.open(profile, TokenListener.NONE).session().config(), this::showConfig,
                failure -> { }));
    }

    private void showConfig(AuthConfig config) {
        setupRequired.set(config.setupRequired());
        setupHint.set(config.setupCodeHint() == null ? "" : config.setupCodeHint());
        if (config.setupRequired()) {
            status.set("This server has no owner yet: set it up with the setup code.");
        }
    }

    /** Reads the server's certificate (never trusting it) so the admin can review it. */
    public void reviewCertificate() {
        URI url = form.url().orElse(null);
        if (url == null) {
            fail("Enter the server URL first, e.g. https://chat.example.com");
            return;
        }
        submit("Reading the certificate of " + url.getHost(), () -> probe.fetch(url), (List<CertificateDetails> c) -> {
            reviewed.set(c.get(0));
            status.set("Review the certificate below before pinning it.");
        });
    }

    /** The admin's explicit approval of the certificate on screen. */
    public void pinReviewedCertificate() {
        CertificateDetails certificate = reviewed.get();
        if (certificate == null) {
            fail("Review the server's certificate first.");
            return;
        }
        form.pin(certificate.sha256());
        certificateChanged.set(false);
        saveProfile(() -> {
            status.set("Pinned " + certificate.sha256().substring(0, 23) + "…; sign in to continue.");
            askServer();
        });
    }

    public void saveProfile() {
        saveProfile(() -> status.set("Profile saved"));
    }

    private void saveProfile(Runnable then) {
        form.toProfile(this::fail).ifPresent(profile -> submit("Saving profile", () -> {
            store.put(profile);
            return store.load();
        }, loaded -> {
            profiles.setAll(loaded);
            then.run();
        }));
    }

    public void deleteProfile() {
        String name = form.nameProperty().get();
        submit("Deleting profile", () -> {
            store.remove(name);
            remembered.forget(name);
            onProfileDeleted.forget(name);
            return store.load();
        }, loaded -> {
            profiles.setAll(loaded);
            newProfile();
        });
    }

    /** Signs in; a server that turns out to have no owner switches the form to its setup instead. */
    public void signIn() {
        form.toProfile(this::fail).ifPresent(profile -> {
            ConnectionProfile withUser = profile.withUsername(form.usernameProperty().get().strip());
            String password = form.passwordProperty().get();
            String code = form.totpCodeProperty().get();
            boolean remember = form.rememberProperty().get();
            status.set("Signing in to " + profile.url().getHost() + "…");
            submit("Signing in", () -> connectAndLogin(withUser, password, code, remember), outcome -> outcome
                    .ifPresentOrElse(this::signedIn, () -> status.set("This server has no owner yet: set it up"
                            + " with the setup code.")), this::explain);
        });
    }

    /** Continues the profile's remembered session, if there is one; otherwise the form stays as it is. */
    public void resumeRemembered() {
        form.toProfile(problem -> { }).ifPresent(profile -> submit("Resuming session", () -> {
            Optional<String> token = remembered.refreshToken(profile.name());
            if (token.isEmpty()) {
                return Optional.<ServerConnection>empty();
            }
            ServerConnection connection = connector.open(profile, remembered.listener(profile.name(), true));
            connection.session().resume(token.get());
            return Optional.of(connection);
        }, (Optional<ServerConnection> resumed) -> resumed.ifPresent(this::signedIn), this::explain));
    }

    /** Empty when the server has no owner: then nobody can sign in, and the setup is offered instead. */
    private Optional<ServerConnection> connectAndLogin(ConnectionProfile profile, String password, String code,
                                                       boolean remember) throws IOException, InterruptedException {
        store.put(profile);
        ServerConnection connection = connector.open(profile, remembered.listener(profile.name(), remember));
        Optional<AuthConfig> config = configOf(connection);
        if (config.isPresent() && config.get().setupRequired()) {
            runner().onUiThread(() -> showConfig(config.get()));
            return Optional.empty();
        }
        connection.session().login(profile.username(), password, code);
        return Optional.of(connection);
    }

    /** The server's sign-in settings; a server that does not answer them is simply signed in to. */
    private static Optional<AuthConfig> configOf(ServerConnection connection) throws IOException,
            InterruptedException {
        try {
            return Optional.of(connection.session().config());
        } catch (ApiException e) {
            return Optional.empty();
        }
    }

    /**
     * Creates the first owner with the setup code and signs in as them; the recovery code is then shown until the
     * admin says it is saved.
     */
    public void setUp() {
        String username = form.usernameProperty().get().strip();
        String password = form.passwordProperty().get();
        if (form.setupCodeProperty().get().isBlank() || username.isEmpty() || password.isEmpty()) {
            fail("Enter the setup code, a username and a password for the owner account.");
            return;
        }
        if (!password.equals(form.confirmPasswordProperty().get())) {
            fail("The two passwords differ.");
            return;
        }
        form.toProfile(this::fail).ifPresent(profile -> {
            ConnectionProfile withUser = profile.withUsername(username);
            String setupCode = form.setupCodeProperty().get();
            String displayName = form.displayNameProperty().get();
            String email = form.emailProperty().get();
            boolean remember = form.rememberProperty().get();
            status.set("Setting up " + profile.url().getHost() + "…");
            submit("Setting up the server", () -> {
                store.put(withUser);
                ServerConnection connection = connector.open(withUser, remembered.listener(withUser.name(),
                        remember));
                String code = connection.session().setUp(setupCode, username, displayName, email, password)
                        .recoveryCode();
                return new SetUp(connection, code);
            }, this::setUpDone, this::explain);
        });
    }

    private record SetUp(ServerConnection connection, String recoveryCode) {
    }

    private void setUpDone(SetUp done) {
        form.clearSecrets();
        setupRequired.set(false);
        status.set("");
        if (done.recoveryCode() == null || done.recoveryCode().isBlank()) {
            signedIn(done.connection());
            return;
        }
        awaitingRecoveryCode = done.connection();
        recoveryCode.set(done.recoveryCode());
    }

    /** The admin saved the recovery code: on to the server they now own. */
    public void recoveryCodeSaved() {
        ServerConnection connection = awaitingRecoveryCode;
        awaitingRecoveryCode = null;
        recoveryCode.set("");
        if (connection != null) {
            signedIn(connection);
        }
    }

    /** Someone else may have set the server up meanwhile: back to the sign-in form. */
    public void useSignIn() {
        setupRequired.set(false);
        status.set("");
        fail("");
    }

    private void signedIn(ServerConnection connection) {
        form.clearSecrets();
        totpRequired.set(false);
        status.set("");
        onSignedIn.accept(connection);
    }

    private void explain(Throwable failure) {
        status.set("");
        if (failure instanceof ApiException api && api.hasCode("totp_required")) {
            totpRequired.set(true);
            fail("This account uses two-factor sign-in: enter the 6-digit code from your authenticator app.");
        } else if (failure instanceof ConnectionProblem problem
                && problem.kind() == ConnectionProblem.Kind.TLS_CERT_CHANGED) {
            certificateChanged.set(true);
            reviewCertificate();
            fail(problem.getMessage());
        } else if (failure instanceof ConnectionProblem problem
                && problem.kind() == ConnectionProblem.Kind.TLS_UNTRUSTED) {
            fail(problem.getMessage() + " Use \"View certificate\" to see it.");
        }
    }

    /** The admin picked a PEM file for a private CA. */
    public void useCaFile(Path pem) {
        form.trustProperty().set(TrustChoice.CA_FILE);
        form.caFileProperty().set(pem.toString());
    }
}
