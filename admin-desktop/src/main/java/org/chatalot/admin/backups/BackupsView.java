package org.chatalot.admin.backups;

import java.util.List;

import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;

import org.chatalot.admin.common.Dialogs;
import org.chatalot.admin.common.Formats;
import org.chatalot.admin.common.Fxml;
import org.chatalot.admin.common.Tables;
import org.chatalot.admin.common.View;
import org.chatalot.model.admin.BackupInfo;

/**
 * Backups on the server: the schedule with its last result and the space used; create one, download the selected
 * one to a file the admin picks, delete one.
 */
public final class BackupsView implements View {
    private final BackupsViewModel model;
    private final Parent root;

    @FXML private CheckBox scheduled;
    @FXML private TextField timeOfDay;
    @FXML private ComboBox<String> timeZone;
    @FXML private Spinner<Integer> keep;
    @FXML private Button saveSchedule;
    @FXML private Label nextRun;
    @FXML private Label lastRunState;
    @FXML private Label lastRun;
    @FXML private Label space;
    @FXML private Button create;
    @FXML private Button download;
    @FXML private Button delete;
    @FXML private ProgressIndicator busy;
    @FXML private Button refresh;
    @FXML private TableView<BackupInfo> table;
    @FXML private Label error;
    @FXML private Label message;

    public BackupsView(BackupsViewModel model) {
        this.model = model;
        this.root = Fxml.load(this);
    }

    @FXML
    private void initialize() {
        table.setItems(model.backups());
        table.getColumns().setAll(List.of(
                Tables.column("Name", BackupInfo::name, 300),
                Tables.badgeColumn("Kind", b -> b.scheduled() ? "scheduled" : "manual", 90),
                Tables.column("Size", b -> Formats.bytes(b.sizeBytes()), 90),
                Tables.column("Taken", b -> Formats.dateTime(b.createdAt()), 140),
                Tables.column("SHA-256", b -> b.sha256() == null ? "" : b.sha256().substring(0, 16) + "…", 160)));
        busy.visibleProperty().bind(model.busyProperty());
        error.textProperty().bind(model.errorProperty());
        message.textProperty().bind(model.messageProperty());
        download.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        delete.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        delete.setOnAction(event -> {
            BackupInfo backup = table.getSelectionModel().getSelectedItem();
            Dialogs.confirm(root, "Delete " + backup.name(), "Delete this backup from the server? Copies you"
                    + " downloaded are not affected.", "Delete", false, false)
                    .ifPresent(reason -> model.delete(backup));
        });
        create.setOnAction(event -> model.create());
        refresh.setOnAction(event -> model.load());
        download.setOnAction(event -> {
            BackupInfo backup = table.getSelectionModel().getSelectedItem();
            Dialogs.saveAs(root, "Download the backup", backup.name())
                    .ifPresent(file -> model.download(backup, file));
        });
        bindSchedule();
    }

    private void bindSchedule() {
        scheduled.selectedProperty().bindBidirectional(model.scheduledProperty());
        timeOfDay.textProperty().bindBidirectional(model.timeOfDayProperty());
        timeZone.getItems().setAll(BackupsViewModel.zones());
        timeZone.valueProperty().bindBidirectional(model.timeZoneProperty());
        SpinnerValueFactory.IntegerSpinnerValueFactory keeps = new SpinnerValueFactory.IntegerSpinnerValueFactory(1,
                365, 7);
        keep.setValueFactory(keeps);
        keeps.valueProperty().bindBidirectional(model.keepProperty());
        saveSchedule.disableProperty().bind(model.busyProperty());
        saveSchedule.setOnAction(event -> {
            keep.increment(0);
            model.saveSchedule();
        });
        nextRun.textProperty().bind(model.nextRunProperty());
        lastRun.textProperty().bind(model.lastRunProperty());
        lastRunState.textProperty().bind(model.lastRunStateProperty());
        model.lastRunStateProperty().addListener((observable, was, state) -> {
            lastRunState.getStyleClass().removeIf(style -> style.startsWith("badge-"));
            lastRunState.getStyleClass().add("badge-" + state);
        });
        space.textProperty().bind(model.spaceProperty());
        model.spaceShortProperty().addListener((observable, was, isShort) -> {
            space.getStyleClass().remove("error-text");
            if (isShort) {
                space.getStyleClass().add("error-text");
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

    @Override
    public void refresh() {
        model.load();
    }
}
