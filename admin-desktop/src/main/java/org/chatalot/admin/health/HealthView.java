package org.chatalot.admin.health;

import java.time.Duration;
import java.util.List;

import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

import org.chatalot.admin.common.Fxml;
import org.chatalot.admin.common.View;
import org.chatalot.model.health.HealthFinding;

/**
 * Tiles, the unreachable banner, the server's findings, the latency chart and any other detailed-health fields;
 * polling runs only while the dashboard is shown.
 */
public final class HealthView implements View {
    private final HealthViewModel model;
    private final Parent root;
    private final XYChart.Series<Number, Number> series = new XYChart.Series<>();

    @FXML private HBox unreachable;
    @FXML private Label unreachableTitle;
    @FXML private Label unreachableReason;
    @FXML private FlowPane tiles;
    @FXML private ChoiceBox<Duration> interval;
    @FXML private Button pollNow;
    @FXML private LineChart<Number, Number> chart;
    @FXML private NumberAxis timeAxis;
    @FXML private Label lastChecked;
    @FXML private VBox findingsCard;
    @FXML private VBox findings;
    @FXML private VBox extrasCard;
    @FXML private Label extras;

    public HealthView(HealthViewModel model) {
        this.model = model;
        this.root = Fxml.load(this);
    }

    @FXML
    private void initialize() {
        HealthTiles t = model.tiles();
        tiles.getChildren().setAll(List.of(tile("Server", "tile-server", t.server()),
                tile("Database", "tile-database", t.database()), tile("Disk", "tile-disk", t.disk()),
                tile("Open sockets", "tile-sockets", t.sockets()), tile("Messages", "tile-messages", t.messages()),
                tile("Version", "tile-version", t.version()),
                tile("Uptime", "tile-uptime", t.uptime()),
                tile("Public URL (server's own check)", "tile-public-url", t.publicUrl())));
        unreachable.visibleProperty().bind(model.unreachableProperty());
        unreachable.managedProperty().bind(unreachable.visibleProperty());
        unreachableTitle.textProperty().bind(model.unreachableTitleProperty().concat(" — the server is unreachable"));
        unreachableReason.textProperty().bind(model.unreachableReasonProperty());
        lastChecked.textProperty().bind(Bindings.concat("Last checked ", model.lastCheckedProperty()));
        chart.getData().add(series);
        model.latency().addListener((ListChangeListener<LatencyPoint>) change -> redraw());
        interval.getItems().setAll(Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofSeconds(15),
                Duration.ofMinutes(1));
        interval.setConverter(new StringConverter<>() {
            @Override
            public String toString(Duration value) {
                return value == null ? "" : value.toSeconds() < 60 ? value.toSeconds() + " s" : value.toMinutes()
                        + " min";
            }

            @Override
            public Duration fromString(String text) {
                return null;
            }
        });
        interval.setValue(HealthViewModel.DEFAULT_INTERVAL);
        bindReports();
        interval.setOnAction(event -> model.start(interval.getValue()));
        pollNow.setOnAction(event -> model.poll());
    }

    private void redraw() {
        series.getData().setAll(model.latency().stream().filter(point -> !Double.isNaN(point.millis()))
                .map(point -> new XYChart.Data<Number, Number>(point.secondsSinceStart(), point.millis())).toList());
    }

    private void bindReports() {
        findingsCard.visibleProperty().bind(Bindings.isNotEmpty(model.findings()));
        findingsCard.managedProperty().bind(findingsCard.visibleProperty());
        model.findings().addListener((ListChangeListener<HealthFinding>) change -> findings.getChildren()
                .setAll(model.findings().stream().map(HealthView::finding).toList()));
        extrasCard.visibleProperty().bind(Bindings.isNotEmpty(model.extras()));
        extrasCard.managedProperty().bind(extrasCard.visibleProperty());
        model.extras().addListener((ListChangeListener<String>) change -> extras.setText(String.join("\n",
                model.extras())));
    }

    /** One finding: its severity as a badge, the title, what was seen and what to do. */
    private static Node finding(HealthFinding finding) {
        Label badge = new Label(finding.severity());
        badge.getStyleClass().addAll("badge", "badge-" + finding.severity());
        Label title = new Label(finding.title());
        title.getStyleClass().add("subheading");
        Label evidence = new Label(finding.evidence());
        evidence.setWrapText(true);
        Label fix = new Label(finding.fix() == null ? "" : "Fix: " + finding.fix());
        fix.setWrapText(true);
        fix.getStyleClass().add("muted");
        VBox box = new VBox(2, new HBox(8, badge, title), evidence, fix);
        box.getStyleClass().add("finding");
        box.setId("finding-" + finding.id());
        return box;
    }

    private static VBox tile(String title, String id, HealthTiles.Tile tile) {
        Label name = new Label(title);
        name.getStyleClass().add("tile-title");
        Label value = new Label();
        value.setId(id);
        value.getStyleClass().add("tile-value");
        value.textProperty().bind(tile.valueProperty());
        Label note = new Label();
        note.setId(id + "-note");
        note.getStyleClass().add("tile-note");
        note.textProperty().bind(tile.noteProperty());
        note.visibleProperty().bind(tile.noteProperty().isNotEmpty());
        note.managedProperty().bind(note.visibleProperty());
        VBox box = new VBox(name, value, note);
        box.visibleProperty().bind(tile.shownProperty());
        box.managedProperty().bind(box.visibleProperty());
        box.getStyleClass().addAll("tile", "state-" + tile.stateProperty().get());
        tile.stateProperty().addListener((observable, was, state) -> {
            box.getStyleClass().removeIf(style -> style.startsWith("state-"));
            box.getStyleClass().add("state-" + state);
        });
        return box;
    }

    @Override
    public Parent root() {
        return root;
    }

    @Override
    public void shown() {
        model.start(interval.getValue());
    }

    @Override
    public void hidden() {
        model.stop();
    }

    @Override
    public void refresh() {
        model.poll();
    }
}
