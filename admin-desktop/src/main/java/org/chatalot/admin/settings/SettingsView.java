package org.chatalot.admin.settings;

import javafx.beans.property.ObjectProperty;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.util.StringConverter;

import org.chatalot.admin.common.Fxml;
import org.chatalot.admin.common.View;
import org.chatalot.model.auth.RegistrationMode;

/** The settings form; Save is enabled only when something changed. */
public final class SettingsView implements View {
    private final SettingsViewModel model;
    private final Parent root;

    @FXML private ChoiceBox<RegistrationMode> registration;
    @FXML private TextField maxFileSize;
    @FXML private TextField uploadQuota;
    @FXML private TextField auditRetention;
    @FXML private Button save;
    @FXML private Button revert;
    @FXML private ProgressIndicator busy;
    @FXML private Label error;
    @FXML private Label message;

    public SettingsView(SettingsViewModel model) {
        this.model = model;
        this.root = Fxml.load(this);
    }

    @FXML
    private void initialize() {
        registration.getItems().setAll(RegistrationMode.values());
        registration.setConverter(new StringConverter<>() {
            @Override
            public String toString(RegistrationMode mode) {
                return mode == null ? "" : switch (mode) {
                    case OPEN -> "Open: anyone may register";
                    case INVITE_ONLY -> "Invite only";
                    case CLOSED -> "Closed: admins create accounts";
                };
            }

            @Override
            public RegistrationMode fromString(String text) {
                return null;
            }
        });
        registration.valueProperty().bindBidirectional(model.registrationModeProperty());
        bindNumber(maxFileSize, model.maxFileSizeMbProperty());
        bindNumber(uploadQuota, model.uploadQuotaMbProperty());
        bindNumber(auditRetention, model.auditRetentionDaysProperty());
        busy.visibleProperty().bind(model.busyProperty());
        error.textProperty().bind(model.errorProperty());
        message.textProperty().bind(model.messageProperty());
        save.disableProperty().bind(model.dirtyProperty().not().or(model.busyProperty()));
        revert.disableProperty().bind(model.dirtyProperty().not());
        save.setOnAction(event -> model.save());
        revert.setOnAction(event -> model.revert());
    }

    /** Text field ⇄ integer property; text that is not a number leaves the property at -1 so Save refuses it. */
    private static void bindNumber(TextField field, ObjectProperty<Integer> property) {
        property.addListener((observable, was, value) -> {
            String text = value == null ? "" : value.toString();
            if (!text.equals(field.getText()) && !(value != null && value == -1)) {
                field.setText(text);
            }
        });
        field.textProperty().addListener((observable, was, text) -> {
            try {
                property.set(text.isBlank() ? null : Integer.valueOf(text.strip()));
            } catch (NumberFormatException e) {
                property.set(-1);
            }
        });
    }

    @Override
    public Parent root() {
        return root;
    }

    @Override
    public void shown() {
        model.load();
    }
}
