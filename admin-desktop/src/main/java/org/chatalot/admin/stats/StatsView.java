package org.chatalot.admin.stats;

import java.util.List;

import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.util.StringConverter;

import org.chatalot.admin.common.Fxml;
import org.chatalot.admin.common.View;

/** Tiles and three bar charts; loads when shown and on Refresh. */
public final class StatsView implements View {
    private final StatsViewModel model;
    private final Parent root;

    @FXML private ProgressIndicator busy;
    @FXML private Button refresh;
    @FXML private Label people;
    @FXML private Label online;
    @FXML private Label channels;
    @FXML private Label messages;
    @FXML private Label storage;
    @FXML private Label peopleNote;
    @FXML private Label onlineNote;
    @FXML private Label storageNote;
    @FXML private BarChart<String, Number> activeChart;
    @FXML private BarChart<String, Number> messagesChart;
    @FXML private BarChart<Number, String> storageChart;
    @FXML private Label error;

    public StatsView(StatsViewModel model) {
        this.model = model;
        this.root = Fxml.load(this);
    }

    @FXML
    private void initialize() {
        people.textProperty().bind(model.peopleProperty());
        online.textProperty().bind(model.onlineProperty());
        channels.textProperty().bind(model.channelsProperty());
        messages.textProperty().bind(model.messagesProperty());
        storage.textProperty().bind(model.storageProperty());
        peopleNote.textProperty().bind(model.peopleNoteProperty());
        onlineNote.textProperty().bind(model.onlineNoteProperty());
        storageNote.textProperty().bind(model.storageNoteProperty());
        busy.visibleProperty().bind(model.busyProperty());
        error.textProperty().bind(model.errorProperty());
        refresh.setOnAction(event -> model.load());
        columns(activeChart, model.activePerDay());
        ((NumberAxis) activeChart.getYAxis()).setTickLabelFormatter(new StringConverter<>() {
            @Override
            public String toString(Number value) {
                // people come whole: no "2.5" on the axis
                return value.doubleValue() == Math.rint(value.doubleValue()) ? Long.toString(value.longValue()) : "";
            }

            @Override
            public Number fromString(String text) {
                return Long.valueOf(text);
            }
        });
        columns(messagesChart, model.messagesPerDay());
        XYChart.Series<Number, String> users = new XYChart.Series<>();
        storageChart.getData().add(users);
        model.storagePerUser().addListener((ListChangeListener<StatsViewModel.Bar>) change -> users.getData().setAll(
                model.storagePerUser().reversed().stream()
                        .map(bar -> new XYChart.Data<Number, String>(bar.value(), bar.label())).toList()));
    }

    private static void columns(BarChart<String, Number> chart, ObservableList<StatsViewModel.Bar> bars) {
        XYChart.Series<String, Number> series = new XYChart.Series<>();
        chart.getData().setAll(List.of(series));
        bars.addListener((ListChangeListener<StatsViewModel.Bar>) change -> series.getData().setAll(bars.stream()
                .map(bar -> new XYChart.Data<String, Number>(bar.label(), bar.value())).toList()));
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
