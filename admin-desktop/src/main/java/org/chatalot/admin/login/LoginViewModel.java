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
import org.chatalot.admin.common.ScreenModel;
import org.chatalot.admin.common.TaskRunner;
import org.chatalot.admin.connection.CertificateDetails;
import org.chatalot.admin.connection.CertificateProbe;
import org.chatalot.admin.connection.ConnectionProfile;
import org.chatalot.admin.connection.ProfileStore;

/**
 * Profiles, trust and sign-in. Pinning is always an explicit step after the certificate is on screen; a pinned
 * certificate that changed blocks sign-in, explains why and offers the new certificate for review.
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
    private final StringProperty status = new SimpleStringProperty("");
    private final ProfileStore store;
    private final Connector connector;
    private final CertificateProbe probe;
    private final RememberedSessions remembered;
    private final Consumer<ServerConnection> onSignedIn;

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

    public void select(ConnectionProfile profile) {
        form.fill(profile);
        reviewed.set(null);
        certificateChanged.set(false);
        totpRequired.set(false);
    }

    public void newProfile() {
        form.clear();
        reviewed.set(null);
        certificateChanged.set(false);
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
        saveProfile(() -> status.set("Pinned " + certificate.sha256().substring(0, 23) + "…; sign in to continue."));
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
            return store.load();
        }, loaded -> {
            profiles.setAll(loaded);
            newProfile();
        });
    }

    public void signIn() {
        form.toProfile(this::fail).ifPresent(profile -> {
            ConnectionProfile withUser = profile.withUsername(form.usernameProperty().get().strip());
            String password = form.passwordProperty().get();
            String code = form.totpCodeProperty().get();
            boolean remember = form.rememberProperty().get();
            status.set("Signing in to " + profile.url().getHost() + "…");
            submit("Signing in", () -> connectAndLogin(withUser, password, code, remember), this::signedIn,
                    this::explain);
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

    private ServerConnection connectAndLogin(ConnectionProfile profile, String password, String code,
                                             boolean remember) throws IOException, InterruptedException {
        store.put(profile);
        ServerConnection connection = connector.open(profile, remembered.listener(profile.name(), remember));
        connection.session().login(profile.username(), password, code);
        return connection;
    }

    private void signedIn(ServerConnection connection) {
        form.passwordProperty().set("");
        form.totpCodeProperty().set("");
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
