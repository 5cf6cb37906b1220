package org.chatalot.admin.audit;

import java.util.List;

import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.util.StringConverter;

import org.chatalot.admin.common.Dialogs;
import org.chatalot.admin.common.Formats;
import org.chatalot.admin.common.Fxml;
import org.chatalot.admin.common.Tables;
import org.chatalot.admin.common.View;
import org.chatalot.model.admin.AuditEvent;

/** The audit log with its filters, paging back in time and export to a file the admin picks. */
public final class AuditView implements View {
    private final AuditViewModel model;
    private final Parent root;

    @FXML private ComboBox<String> action;
    @FXML private TextField actor;
    @FXML private TextField target;
    @FXML private DatePicker from;
    @FXML private DatePicker to;
    @FXML private Button apply;
    @FXML private ProgressIndicator busy;
    @FXML private TableView<AuditEvent> table;
    @FXML private Button older;
    @FXML private Button exportCsv;
    @FXML private Button exportJson;
    @FXML private Label error;
    @FXML private Label message;

    public AuditView(AuditViewModel model) {
        this.model = model;
        this.root = Fxml.load(this);
    }

    @FXML
    private void initialize() {
        table.setItems(model.entries());
        table.getColumns().setAll(List.of(
                Tables.column("When", e -> Formats.dateTime(e.at()), 130),
                Tables.column("Actor", AuditEvent::actorName, 110),
                Tables.column("Action", e -> AuditActions.label(e.action()), 190),
                Tables.column("Target", e -> e.targetName() != null ? e.targetName() : e.targetId(), 130),
                Tables.column("IP", AuditEvent::ip, 110),
                Tables.column("Details", e -> e.details() == null || e.details().isEmpty() ? "" : e.details(), 200)));
        action.getItems().add("");
        action.getItems().addAll(AuditActions.known());
        action.setConverter(new StringConverter<>() {
            @Override
            public String toString(String wire) {
                return wire == null || wire.isEmpty() ? "" : AuditActions.choice(wire);
            }

            @Override
            public String fromString(String text) {
                return AuditViewModel.actionOf(text);
            }
        });
        action.valueProperty().bindBidirectional(model.actionProperty());
        action.setOnAction(event -> model.load());
        actor.textProperty().bindBidirectional(model.actorProperty());
        actor.setOnAction(event -> model.load());
        target.textProperty().bindBidirectional(model.targetIdProperty());
        from.valueProperty().bindBidirectional(model.fromProperty());
        to.valueProperty().bindBidirectional(model.toProperty());
        busy.visibleProperty().bind(model.busyProperty());
        error.textProperty().bind(model.errorProperty());
        message.textProperty().bind(model.messageProperty());
        older.disableProperty().bind(model.hasOlderProperty().not());
        apply.setOnAction(event -> model.load());
        older.setOnAction(event -> model.loadOlder());
        exportCsv.setOnAction(event -> export(ExportFormat.CSV));
        exportJson.setOnAction(event -> export(ExportFormat.JSON));
    }

    private void export(ExportFormat format) {
        Dialogs.saveAs(root, "Export the audit log", "chatalot-audit." + format.wireName())
                .ifPresent(file -> model.export(format, file));
    }

    @Override
    public Parent root() {
        return root;
    }

    @Override
    public void shown() {
        model.load();
    }

    @Override
    public void refresh() {
        model.load();
    }
}
