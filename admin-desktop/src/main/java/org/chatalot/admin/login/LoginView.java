package org.chatalot.admin.login;

import java.io.File;

import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;

import org.chatalot.admin.common.Clipboards;
import org.chatalot.admin.common.Formats;
import org.chatalot.admin.common.Fxml;
import org.chatalot.admin.common.View;
import org.chatalot.admin.connection.CertificateDetails;
import org.chatalot.admin.connection.ConnectionProfile;

/**
 * The sign-in screen: profile list, trust choice, certificate review and pinning, credentials; for a server
 * without an owner its setup instead, then the new owner's recovery code with a copy button.
 */
public final class LoginView implements View {
    private final LoginViewModel model;
    private final BooleanProperty dark;
    private final Parent root;

    @FXML private ListView<ConnectionProfile> profiles;
    @FXML private Button newProfile;
    @FXML private TextField name;
    @FXML private TextField url;
    @FXML private ChoiceBox<TrustChoice> trust;
    @FXML private Label caLabel;
    @FXML private HBox caRow;
    @FXML private TextField caFile;
    @FXML private Button chooseCa;
    @FXML private Label pinLabel;
    @FXML private Label pinned;
    @FXML private Button viewCertificate;
    @FXML private Button saveProfile;
    @FXML private Button deleteProfile;
    @FXML private VBox changedBanner;
    @FXML private Label changedText;
    @FXML private VBox certificateCard;
    @FXML private Label certSubject;
    @FXML private Label certIssuer;
    @FXML private Label certNames;
    @FXML private Label certValidity;
    @FXML private Label certSha256;
    @FXML private Label pinWarning;
    @FXML private Button pinCertificate;
    @FXML private TextField username;
    @FXML private PasswordField password;
    @FXML private Label totpLabel;
    @FXML private TextField totpCode;
    @FXML private CheckBox remember;
    @FXML private Label error;
    @FXML private Button signIn;
    @FXML private ProgressIndicator busy;
    @FXML private Label status;
    @FXML private ToggleButton darkTheme;
    @FXML private VBox setupCard;
    @FXML private Label setupHint;
    @FXML private TextField setupCode;
    @FXML private TextField setupUsername;
    @FXML private TextField setupDisplayName;
    @FXML private TextField setupEmail;
    @FXML private PasswordField setupPassword;
    @FXML private PasswordField setupConfirm;
    @FXML private Button setUp;
    @FXML private Hyperlink useSignIn;
    @FXML private GridPane signInGrid;
    @FXML private StackPane recoveryOverlay;
    @FXML private TextField recoveryCode;
    @FXML private Button copyRecoveryCode;
    @FXML private Label copied;
    @FXML private CheckBox recoverySaved;
    @FXML private Button continueAfterSetup;

    /** {@code dark} is the window's theme, switchable here before signing in. */
    public LoginView(LoginViewModel model, BooleanProperty dark) {
        this.model = model;
        this.dark = dark;
        this.root = Fxml.load(this);
    }

    @FXML
    private void initialize() {
        bindProfiles();
        bindForm();
        bindCertificate();
        bindSetup();
        darkTheme.selectedProperty().bindBidirectional(dark);
        error.textProperty().bind(model.errorProperty());
        status.textProperty().bind(model.statusProperty());
        busy.visibleProperty().bind(model.busyProperty());
        signIn.disableProperty().bind(model.busyProperty());
        viewCertificate.setOnAction(event -> model.reviewCertificate());
        saveProfile.setOnAction(event -> model.saveProfile());
        deleteProfile.setOnAction(event -> model.deleteProfile());
        pinCertificate.setOnAction(event -> model.pinReviewedCertificate());
        signIn.setOnAction(event -> model.signIn());
        newProfile.setOnAction(event -> {
            profiles.getSelectionModel().clearSelection();
            model.newProfile();
        });
    }

    private void bindProfiles() {
        profiles.setItems(model.profiles());
        profiles.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(ConnectionProfile item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : item.name() + "\n" + item.url().getHost());
            }
        });
        profiles.getSelectionModel().selectedItemProperty().addListener((observable, was, selected) -> {
            if (selected != null) {
                model.select(selected);
            }
        });
    }

    private void bindForm() {
        LoginForm form = model.form();
        name.textProperty().bindBidirectional(form.nameProperty());
        url.textProperty().bindBidirectional(form.urlProperty());
        trust.getItems().setAll(TrustChoice.values());
        trust.valueProperty().bindBidirectional(form.trustProperty());
        caFile.textProperty().bindBidirectional(form.caFileProperty());
        pinned.textProperty().bind(Bindings.createStringBinding(() -> form.pinnedSha256Property().get().isBlank()
                ? "nothing pinned yet: use \"View certificate\"" : CertificateDetails.colons(
                        form.pinnedSha256Property().get()), form.pinnedSha256Property()));
        showWhen(Bindings.equal(TrustChoice.CA_FILE, form.trustProperty()), caLabel, caRow);
        showWhen(Bindings.equal(TrustChoice.PINNED, form.trustProperty()), pinLabel, pinned);
        username.textProperty().bindBidirectional(form.usernameProperty());
        password.textProperty().bindBidirectional(form.passwordProperty());
        totpCode.textProperty().bindBidirectional(form.totpCodeProperty());
        remember.selectedProperty().bindBidirectional(form.rememberProperty());
        showWhen(model.totpRequiredProperty(), totpLabel, totpCode);
        chooseCa.setOnAction(event -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle("The private CA's certificate (PEM)");
            File chosen = chooser.showOpenDialog(root.getScene().getWindow());
            if (chosen != null) {
                model.useCaFile(chosen.toPath());
            }
        });
    }

    private void bindCertificate() {
        pinWarning.setText(LoginViewModel.PIN_WARNING);
        showWhen(model.reviewedProperty().isNotNull(), certificateCard);
        showWhen(model.certificateChangedProperty(), changedBanner);
        changedText.textProperty().bind(model.errorProperty());
        model.reviewedProperty().addListener((observable, was, certificate) -> {
            if (certificate != null) {
                certSubject.setText(certificate.subject());
                certIssuer.setText(certificate.issuer() + (certificate.isSelfSigned() ? "  (self-signed)" : ""));
                certNames.setText(String.join(", ", certificate.subjectAlternativeNames()));
                certValidity.setText(Formats.dateTime(certificate.notBefore()) + " to "
                        + Formats.dateTime(certificate.notAfter()));
                certSha256.setText(certificate.sha256());
                pinCertificate.setText(model.certificateChangedProperty().get()
                        ? "I compared it — approve the new certificate" : "I compared it — pin this certificate");
            }
        });
    }

    private void bindSetup() {
        LoginForm form = model.form();
        showWhen(model.setupRequiredProperty(), setupCard);
        showWhen(model.setupRequiredProperty().not(), signInGrid, signIn);
        setupHint.textProperty().bind(model.setupHintProperty());
        setupCode.textProperty().bindBidirectional(form.setupCodeProperty());
        setupUsername.textProperty().bindBidirectional(form.usernameProperty());
        setupDisplayName.textProperty().bindBidirectional(form.displayNameProperty());
        setupEmail.textProperty().bindBidirectional(form.emailProperty());
        setupPassword.textProperty().bindBidirectional(form.passwordProperty());
        setupConfirm.textProperty().bindBidirectional(form.confirmPasswordProperty());
        setUp.disableProperty().bind(model.busyProperty());
        setUp.defaultButtonProperty().bind(model.setupRequiredProperty());
        setUp.setOnAction(event -> model.setUp());
        useSignIn.setOnAction(event -> model.useSignIn());
        url.focusedProperty().addListener((observable, was, focused) -> {
            if (!focused) {
                model.askServer();
            }
        });
        recoveryOverlay.visibleProperty().bind(model.recoveryCodeProperty().isNotEmpty());
        recoveryCode.textProperty().bind(model.recoveryCodeProperty());
        copyRecoveryCode.setOnAction(event -> {
            Clipboards.copy(recoveryCode.getText());
            copied.setText("Copied to the clipboard.");
        });
        model.recoveryCodeProperty().addListener((observable, was, code) -> {
            recoverySaved.setSelected(false);
            copied.setText("");
        });
        continueAfterSetup.disableProperty().bind(recoverySaved.selectedProperty().not());
        continueAfterSetup.setOnAction(event -> model.recoveryCodeSaved());
    }

    private static void showWhen(ObservableBooleanValue condition, Node... nodes) {
        for (Node node : nodes) {
            node.visibleProperty().bind(condition);
            node.managedProperty().bind(condition);
        }
    }

    @Override
    public Parent root() {
        return root;
    }

    @Override
    public void shown() {
        model.loadProfiles();
    }
}
