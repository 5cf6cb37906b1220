package org.chatalot.admin.shell;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

import org.chatalot.admin.about.About;
import org.chatalot.admin.about.AboutDialog;
import org.chatalot.admin.common.Formats;
import org.chatalot.admin.common.Fxml;
import org.chatalot.admin.common.View;
import org.chatalot.admin.connection.CertificateDetails;
import org.chatalot.admin.login.LoginViewModel;

/**
 * The main window's frame: sidebar of screens, top bar, notification banner, and the overlays for an ended
 * session and a changed certificate. Screens are built on first visit and kept, so returning to one finds it as
 * it was left.
 */
public final class ShellView implements View {
    /** How the platform writes the shortcut key in a tooltip. */
    private static final String SHORTCUT = System.getProperty("os.name", "").toLowerCase(Locale.ROOT)
            .contains("mac") ? "⌘" : "Ctrl";

    private final ShellViewModel model;
    private final Function<Screen, View> screens;
    private final Map<Screen, View> built = new EnumMap<>(Screen.class);
    private final ToggleGroup navigation = new ToggleGroup();
    private final Parent root;
    private View showing;

    @FXML private VBox sidebar;
    @FXML private Label title;
    @FXML private Label identity;
    @FXML private Button signOut;
    @FXML private Hyperlink about;
    @FXML private HBox banner;
    @FXML private Label bannerText;
    @FXML private Button dismissBanner;
    @FXML private StackPane content;
    @FXML private StackPane relogin;
    @FXML private PasswordField reloginPassword;
    @FXML private TextField reloginTotp;
    @FXML private Label reloginError;
    @FXML private Button reloginButton;
    @FXML private Button reloginCancel;
    @FXML private ToggleButton darkTheme;
    @FXML private StackPane certificateReview;
    @FXML private Label reviewSubject;
    @FXML private Label reviewIssuer;
    @FXML private Label reviewNames;
    @FXML private Label reviewValidity;
    @FXML private Label reviewSha256;
    @FXML private Label reviewPinned;
    @FXML private Label reviewWarning;
    @FXML private Label reviewError;
    @FXML private Button approveCertificate;
    @FXML private Button rejectCertificate;

    public ShellView(ShellViewModel model, Function<Screen, View> screens) {
        this.model = model;
        this.screens = screens;
        this.root = Fxml.load(this);
    }

    @FXML
    private void initialize() {
        for (Screen screen : Screen.values()) {
            ToggleButton button = new ToggleButton(screen.title());
            button.setId("nav-" + screen.name().toLowerCase(Locale.ROOT));
            screen.shortcutDigit().ifPresent(digit -> button.setTooltip(new Tooltip(screen.title() + " ("
                    + SHORTCUT + "+" + digit + ")")));
            button.getStyleClass().setAll("nav-button");
            button.setMaxWidth(Double.MAX_VALUE);
            button.setToggleGroup(navigation);
            button.setUserData(screen);
            sidebar.getChildren().add(sidebar.getChildren().indexOf(about) - 1, button);
        }
        about.setOnAction(event -> AboutDialog.create(about, About.ofThisApp()).show());
        navigation.selectedToggleProperty().addListener((observable, was, now) -> {
            if (now == null) {
                was.setSelected(true);
            } else {
                model.screenProperty().set((Screen) now.getUserData());
            }
        });
        model.screenProperty().addListener((observable, was, screen) -> show(screen));
        identity.textProperty().bind(model.identityProperty());
        signOut.setOnAction(event -> model.logout());
        darkTheme.selectedProperty().bindBidirectional(model.darkProperty());
        darkTheme.setTooltip(new Tooltip("Dark theme (" + SHORTCUT + "+D)"));
        bindBanner();
        bindRelogin();
        bindCertificateReview();
    }

    private void bindBanner() {
        bannerText.textProperty().bind(model.bannerProperty());
        banner.visibleProperty().bind(model.bannerProperty().isNotEmpty());
        banner.managedProperty().bind(banner.visibleProperty());
        dismissBanner.setOnAction(event -> model.dismissBanner());
    }

    private void bindRelogin() {
        relogin.visibleProperty().bind(model.reloginRequiredProperty());
        reloginError.textProperty().bind(model.errorProperty());
        reloginButton.disableProperty().bind(model.busyProperty());
        reloginButton.setOnAction(event -> {
            model.relogin(reloginPassword.getText(), reloginTotp.getText());
            reloginPassword.clear();
            reloginTotp.clear();
        });
        reloginCancel.setOnAction(event -> model.abandonSession());
    }

    private void bindCertificateReview() {
        certificateReview.visibleProperty().bind(model.certificateChangeProperty().isNotNull());
        reviewError.textProperty().bind(model.errorProperty());
        reviewWarning.setText(LoginViewModel.PIN_WARNING);
        approveCertificate.disableProperty().bind(model.busyProperty());
        approveCertificate.setOnAction(event -> model.approveCertificate());
        rejectCertificate.setOnAction(event -> model.logout());
        model.certificateChangeProperty().addListener((observable, was, change) -> {
            if (change == null) {
                return;
            }
            CertificateDetails presented = change.presented();
            reviewSubject.setText(presented.subject());
            reviewIssuer.setText(presented.issuer() + (presented.isSelfSigned() ? "  (self-signed)" : "")
                    + (change.trustedBySystemCas() ? "  — a public CA vouches for it" : ""));
            reviewNames.setText(String.join(", ", presented.subjectAlternativeNames()));
            reviewValidity.setText(Formats.dateTime(presented.notBefore()) + " to "
                    + Formats.dateTime(presented.notAfter()));
            reviewSha256.setText(presented.sha256());
            reviewPinned.setText(CertificateDetails.colons(change.pinnedSha256()));
        });
    }

    /** Reloads the screen shown (F5). */
    public void refresh() {
        if (showing != null) {
            showing.refresh();
        }
    }

    /** Switches the content area; the screen leaving is told, so it can stop polling. */
    private void show(Screen screen) {
        if (showing != null) {
            showing.hidden();
        }
        View view = built.computeIfAbsent(screen, screens);
        content.getChildren().setAll(view.root());
        title.setText(screen.title());
        navigation.getToggles().stream().filter(toggle -> toggle.getUserData() == screen).findFirst()
                .ifPresent(toggle -> toggle.setSelected(true));
        showing = view;
        view.shown();
    }

    /** Shows the screen the model points at; called once the window is up. */
    public void start() {
        show(model.screenProperty().get());
    }

    @Override
    public Parent root() {
        return root;
    }

    @Override
    public void hidden() {
        if (showing != null) {
            showing.hidden();
        }
    }
}
