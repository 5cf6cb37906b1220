package org.chatalot.admin.history;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TableView;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;
import javafx.util.StringConverter;

import org.chatalot.admin.common.Formats;
import org.chatalot.admin.common.Fxml;
import org.chatalot.admin.common.Tables;
import org.chatalot.admin.common.View;

/** The profile's history over 24 h, 7 d or 30 d: summary tiles, two charts and what happened. */
public final class HistoryView implements View {
    private static final DateTimeFormatter HOURS = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT)
            .withZone(ZoneId.systemDefault());
    private static final DateTimeFormatter DAYS = DateTimeFormatter.ofPattern("MM-dd", Locale.ROOT)
            .withZone(ZoneId.systemDefault());

    private final HistoryViewModel model;
    private final Parent root;
    private final XYChart.Series<Number, Number> latency = new XYChart.Series<>();
    private final XYChart.Series<Number, Number> outages = new XYChart.Series<>();
    private final XYChart.Series<Number, Number> certificateDays = new XYChart.Series<>();

    @FXML private HBox ranges;
    @FXML private Button checkNow;
    @FXML private ProgressIndicator checking;
    @FXML private Label schedule;
    @FXML private Label availability;
    @FXML private Label responseTime;
    @FXML private Label certificate;
    @FXML private Label lastCheck;
    @FXML private Label responseNote;
    @FXML private Label lastCheckNote;
    @FXML private LineChart<Number, Number> latencyChart;
    @FXML private NumberAxis latencyTime;
    @FXML private LineChart<Number, Number> certificateChart;
    @FXML private NumberAxis certificateTime;
    @FXML private TableView<HistoryViewModel.Event> events;
    @FXML private Label notifications;
    @FXML private Label error;

    public HistoryView(HistoryViewModel model) {
        this.model = model;
        this.root = Fxml.load(this);
    }

    @FXML
    private void initialize() {
        ToggleGroup group = new ToggleGroup();
        for (HistoryViewModel.Range range : HistoryViewModel.Range.values()) {
            ToggleButton button = new ToggleButton(range.label());
            button.setId("range-" + range.name().toLowerCase(Locale.ROOT));
            button.setToggleGroup(group);
            button.setUserData(range);
            button.setSelected(range == model.rangeProperty().get());
            ranges.getChildren().add(button);
        }
        group.selectedToggleProperty().addListener((observable, was, now) -> {
            if (now == null) {
                was.setSelected(true);
            } else {
                model.rangeProperty().set((HistoryViewModel.Range) now.getUserData());
            }
        });
        availability.textProperty().bind(model.availabilityProperty());
        responseTime.textProperty().bind(model.responseTimeProperty());
        certificate.textProperty().bind(model.certificateProperty());
        lastCheck.textProperty().bind(model.lastCheckProperty());
        responseNote.textProperty().bind(model.responseNoteProperty());
        lastCheckNote.textProperty().bind(model.lastCheckNoteProperty());
        checking.visibleProperty().bind(model.checkingProperty());
        checkNow.disableProperty().bind(model.checkingProperty());
        checkNow.setOnAction(event -> model.checkNow());
        schedule.setText(model.schedule());
        notifications.textProperty().bind(Bindings.concat("Notifications when a result gets worse: ",
                model.notificationsProperty()));
        error.textProperty().bind(model.errorProperty());
        events.setItems(model.events());
        events.getColumns().setAll(List.of(
                Tables.column("When", event -> Formats.dateTime(event.at()), 140),
                Tables.badgeColumn("", HistoryViewModel.Event::state, 70),
                Tables.column("What", HistoryViewModel.Event::what, 600)));
        charts();
    }

    private void charts() {
        latencyChart.getData().setAll(List.of(latency, outages));
        certificateChart.getData().setAll(List.of(certificateDays));
        model.latency().addListener((ListChangeListener<HistoryViewModel.Point>) change -> redraw());
        model.outages().addListener((ListChangeListener<Instant>) change -> redraw());
        model.certificateDays().addListener((ListChangeListener<HistoryViewModel.Point>) change -> redraw());
        model.fromProperty().addListener((observable, was, now) -> redraw());
        redraw();
    }

    private void redraw() {
        Instant from = model.fromProperty().get();
        Instant to = from.plus(model.rangeProperty().get().span());
        for (NumberAxis axis : List.of(latencyTime, certificateTime)) {
            axis.setLowerBound(from.getEpochSecond());
            axis.setUpperBound(to.getEpochSecond());
            axis.setTickUnit((to.getEpochSecond() - from.getEpochSecond()) / 6.0);
            axis.setTickLabelFormatter(new TimeLabels(model.rangeProperty().get() == HistoryViewModel.Range.DAY
                    ? HOURS : DAYS));
        }
        latency.getData().setAll(model.latency().stream().map(HistoryView::data).toList());
        outages.getData().setAll(model.outages().stream()
                .map(at -> new XYChart.Data<Number, Number>(at.getEpochSecond(), 0)).toList());
        certificateDays.getData().setAll(model.certificateDays().stream().map(HistoryView::data).toList());
    }

    private static XYChart.Data<Number, Number> data(HistoryViewModel.Point point) {
        return new XYChart.Data<>(point.at().getEpochSecond(), point.value());
    }

    /** Epoch seconds on the axis, local times or dates on the labels. */
    private static final class TimeLabels extends StringConverter<Number> {
        private final DateTimeFormatter format;

        TimeLabels(DateTimeFormatter format) {
            this.format = format;
        }

        @Override
        public String toString(Number seconds) {
            return format.format(Instant.ofEpochSecond(seconds.longValue()));
        }

        @Override
        public Number fromString(String text) {
            return null;
        }
    }

    @Override
    public Parent root() {
        return root;
    }

    @Override
    public void refresh() {
        model.checkNow();
    }
}
