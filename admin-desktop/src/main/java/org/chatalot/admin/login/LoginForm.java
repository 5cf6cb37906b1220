package org.chatalot.admin.login;

import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Consumer;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import org.chatalot.admin.connection.ConnectionProfile;
import org.chatalot.admin.connection.TrustMode;

/** The sign-in form's fields, and the profile they describe. */
public final class LoginForm {
    private final StringProperty name = new SimpleStringProperty("");
    private final StringProperty url = new SimpleStringProperty("https://");
    private final ObjectProperty<TrustChoice> trust = new SimpleObjectProperty<>(TrustChoice.SYSTEM);
    private final StringProperty caFile = new SimpleStringProperty("");
    private final StringProperty pinnedSha256 = new SimpleStringProperty("");
    private final StringProperty username = new SimpleStringProperty("");
    private final StringProperty password = new SimpleStringProperty("");
    private final StringProperty totpCode = new SimpleStringProperty("");
    private final BooleanProperty remember = new SimpleBooleanProperty();
    private final StringProperty setupCode = new SimpleStringProperty("");
    private final StringProperty displayName = new SimpleStringProperty("");
    private final StringProperty email = new SimpleStringProperty("");
    private final StringProperty confirmPassword = new SimpleStringProperty("");

    public StringProperty nameProperty() {
        return name;
    }

    public StringProperty urlProperty() {
        return url;
    }

    public ObjectProperty<TrustChoice> trustProperty() {
        return trust;
    }

    public StringProperty caFileProperty() {
        return caFile;
    }

    /** The pinned fingerprint; read-only in the view: it changes only through review and approval. */
    public StringProperty pinnedSha256Property() {
        return pinnedSha256;
    }

    public StringProperty usernameProperty() {
        return username;
    }

    public StringProperty passwordProperty() {
        return password;
    }

    public StringProperty totpCodeProperty() {
        return totpCode;
    }

    public BooleanProperty rememberProperty() {
        return remember;
    }

    /** The one-time code the server printed at its first start; only while it has no owner. */
    public StringProperty setupCodeProperty() {
        return setupCode;
    }

    public StringProperty displayNameProperty() {
        return displayName;
    }

    public StringProperty emailProperty() {
        return email;
    }

    public StringProperty confirmPasswordProperty() {
        return confirmPassword;
    }

    /** Forgets what was typed for a sign-in or a setup: secrets never outlive their use. */
    void clearSecrets() {
        password.set("");
        confirmPassword.set("");
        totpCode.set("");
        setupCode.set("");
    }

    void fill(ConnectionProfile profile) {
        name.set(profile.name());
        url.set(profile.url().toString());
        username.set(profile.username() == null ? "" : profile.username());
        caFile.set("");
        pinnedSha256.set("");
        switch (profile.trust()) {
            case TrustMode.SystemCas s -> trust.set(TrustChoice.SYSTEM);
            case TrustMode.CaFile f -> {
                trust.set(TrustChoice.CA_FILE);
                caFile.set(f.pemFile().toString());
            }
            case TrustMode.Pinned p -> {
                trust.set(TrustChoice.PINNED);
                pinnedSha256.set(p.sha256());
            }
        }
    }

    void clear() {
        name.set("");
        url.set("https://");
        trust.set(TrustChoice.SYSTEM);
        caFile.set("");
        pinnedSha256.set("");
        username.set("");
        displayName.set("");
        email.set("");
        clearSecrets();
    }

    void pin(String sha256) {
        pinnedSha256.set(TrustMode.normalize(sha256));
        trust.set(TrustChoice.PINNED);
    }

    Optional<URI> url() {
        try {
            URI parsed = URI.create(url.get().strip());
            return parsed.getHost() == null ? Optional.empty() : Optional.of(parsed);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The profile the form describes, or a message for the admin when something is missing. */
    Optional<ConnectionProfile> toProfile(Consumer<String> problem) {
        if (url().isEmpty()) {
            problem.accept("Enter the server URL, e.g. https://chat.example.com");
            return Optional.empty();
        }
        String profileName = name.get().isBlank() ? url().get().getHost() : name.get().strip();
        Optional<TrustMode> mode = mode(problem);
        try {
            return mode.map(m -> ConnectionProfile.of(profileName, url.get()).withTrust(m)
                    .withUsername(username.get().isBlank() ? null : username.get().strip()));
        } catch (IllegalArgumentException e) {
            problem.accept(e.getMessage());
            return Optional.empty();
        }
    }

    private Optional<TrustMode> mode(Consumer<String> problem) {
        return switch (trust.get()) {
            case SYSTEM -> Optional.of(TrustMode.system());
            case CA_FILE -> caFile.get().isBlank() ? missing(problem, "Choose the CA's PEM file.")
                    : Optional.of(new TrustMode.CaFile(Path.of(caFile.get().strip())));
            case PINNED -> pinnedSha256.get().isBlank()
                    ? missing(problem, "View the server's certificate and pin it first.")
                    : Optional.of(new TrustMode.Pinned(pinnedSha256.get()));
        };
    }

    private static Optional<TrustMode> missing(Consumer<String> problem, String message) {
        problem.accept(message);
        return Optional.empty();
    }
}
