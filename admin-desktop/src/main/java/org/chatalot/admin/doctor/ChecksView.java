package org.chatalot.admin.doctor;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.util.StringConverter;

import org.chatalot.admin.common.Dialogs;
import org.chatalot.admin.common.Formats;
import org.chatalot.admin.common.Fxml;
import org.chatalot.admin.common.Tables;
import org.chatalot.admin.common.View;
import org.chatalot.admin.connection.CertificateDetails;
import org.chatalot.installer.doctor.Finding;

/** Runs the checks with a progress bar; findings with evidence and fix; certificate card; export; schedule. */
public final class ChecksView implements View {
    private final ChecksViewModel model;
    private final Parent root;

    @FXML private Button run;
    @FXML private Button cancel;
    @FXML private ProgressBar progress;
    @FXML private Label current;
    @FXML private Button exportMarkdown;
    @FXML private Button exportJson;
    @FXML private Label summary;
    @FXML private CheckBox periodic;
    @FXML private ChoiceBox<Duration> period;
    @FXML private TableView<Finding> findings;
    @FXML private VBox certificate;
    @FXML private Label daysLeft;
    @FXML private Label certText;
    @FXML private Label certSha256;
    @FXML private Label error;
    @FXML private Label message;

    public ChecksView(ChecksViewModel model) {
        this.model = model;
        this.root = Fxml.load(this);
    }

    @FXML
    private void initialize() {
        findings.setItems(model.findings());
        findings.getColumns().setAll(List.of(
                Tables.badgeColumn("Result", f -> f.severity().label(), 70),
                wrapped(Tables.column("Check", Finding::title, 220)),
                wrapped(Tables.column("Evidence", Finding::evidence, 340)),
                wrapped(Tables.column("Fix", Finding::fix, 280))));
        run.disableProperty().bind(model.runningProperty());
        cancel.disableProperty().bind(model.runningProperty().not());
        progress.visibleProperty().bind(model.runningProperty());
        progress.progressProperty().bind(model.progressProperty());
        current.textProperty().bind(model.currentCheckProperty());
        summary.textProperty().bind(model.summaryProperty());
        error.textProperty().bind(model.errorProperty());
        message.textProperty().bind(model.messageProperty());
        run.setOnAction(event -> model.run());
        cancel.setOnAction(event -> model.cancel());
        exportMarkdown.setOnAction(event -> save("chatalot-check.md", model::exportMarkdown));
        exportJson.setOnAction(event -> save("chatalot-check.json", model::exportJson));
        bindSchedule();
        bindCertificate();
    }

    private void bindSchedule() {
        period.getItems().setAll(Duration.ofMinutes(15), Duration.ofHours(1), Duration.ofHours(6), Duration.ofDays(1));
        period.setConverter(new StringConverter<>() {
            @Override
            public String toString(Duration value) {
                return value == null ? "" : value.toHours() >= 1 ? value.toHours() + " h" : value.toMinutes() + " min";
            }

            @Override
            public Duration fromString(String text) {
                return null;
            }
        });
        period.valueProperty().bindBidirectional(model.periodProperty());
        periodic.selectedProperty().bindBidirectional(model.periodicProperty());
    }

    private void bindCertificate() {
        certificate.visibleProperty().bind(model.certificateProperty().isNotNull());
        certificate.managedProperty().bind(certificate.visibleProperty());
        daysLeft.textProperty().bind(model.daysLeftProperty());
        model.certificateProperty().addListener((observable, was, leaf) -> showCertificate(leaf));
    }

    private void showCertificate(CertificateDetails leaf) {
        if (leaf == null) {
            return;
        }
        certText.setText(leaf.subject() + "  ·  issued by " + leaf.issuer() + "\nNames: "
                + String.join(", ", leaf.subjectAlternativeNames()) + "\nValid " + Formats.dateTime(leaf.notBefore())
                + " to " + Formats.dateTime(leaf.notAfter()));
        certSha256.setText("SHA-256 " + leaf.sha256());
        String state = model.reportProperty().get().finding("tls.expiry").map(f -> f.severity().label())
                .orElse("skip");
        daysLeft.getStyleClass().removeIf(style -> style.startsWith("badge-"));
        daysLeft.getStyleClass().add("badge-" + state);
    }

    /** Evidence and fixes can be long: they wrap to the column's width and the row grows. */
    private static <S> TableColumn<S, String> wrapped(TableColumn<S, String> column) {
        column.setCellFactory(c -> new TableCell<>() {
            private final Text text = new Text();

            {
                text.wrappingWidthProperty().bind(column.widthProperty().subtract(12));
                text.getStyleClass().add("cell-text");
            }

            @Override
            protected void updateItem(String value, boolean empty) {
                super.updateItem(value, empty);
                text.setText(empty || value == null ? "" : value);
                setGraphic(empty ? null : text);
            }
        });
        return column;
    }

    private void save(String name, Consumer<Path> action) {
        Dialogs.saveAs(root, "Export the report", name).ifPresent(action);
    }

    @Override
    public Parent root() {
        return root;
    }
}
