package org.chatalot.admin.health;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import org.chatalot.admin.api.ApiException;
import org.chatalot.admin.api.ConnectionProblem;
import org.chatalot.admin.api.DetailedHealthReport;
import org.chatalot.admin.api.HealthProbe;
import org.chatalot.admin.common.Formats;
import org.chatalot.admin.common.ScreenModel;
import org.chatalot.admin.common.TaskHandle;
import org.chatalot.admin.common.TaskRunner;
import org.chatalot.admin.common.Ticker;
import org.chatalot.model.health.DetailedHealth;
import org.chatalot.model.health.HealthFinding;

/**
 * Polls health on an interval while the dashboard is shown. A poll that is still running when the next tick
 * comes is not doubled up, so a slow server gets one request at a time. The latency history lasts the session
 * (capped, oldest dropped; the History screen keeps a month) and the tiles show the last answer: when the server
 * stops answering they keep it, greyed, as "last known". What the server reports beyond the tiles is listed too:
 * its findings (a failed scheduled backup) and any field this app does not know (a newer server's own checks).
 */
public final class HealthViewModel extends ScreenModel {
    static final int MAX_POINTS = 720;
    public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(5);

    private final ObservableList<LatencyPoint> latency = FXCollections.observableArrayList();
    private final HealthTiles tiles = new HealthTiles();
    private final BooleanProperty unreachable = new SimpleBooleanProperty();
    private final StringProperty unreachableTitle = new SimpleStringProperty("");
    private final StringProperty unreachableReason = new SimpleStringProperty("");
    private final StringProperty lastChecked = new SimpleStringProperty("never");
    private final ObservableList<HealthFinding> findings = FXCollections.observableArrayList();
    private final ObservableList<String> extras = FXCollections.observableArrayList();
    private Instant lastAnswer;
    private final Supplier<HealthProbe> probe;
    private final Ticker ticker;
    private final Clock clock;
    private Instant startedAt;
    private TaskHandle polling = TaskHandle.DONE;
    private boolean inFlight;

    public HealthViewModel(TaskRunner runner, ApiAccess access, Supplier<HealthProbe> probe, Ticker ticker,
                           Clock clock) {
        super(runner, access);
        this.probe = probe;
        this.ticker = ticker;
        this.clock = clock;
    }

    public ObservableList<LatencyPoint> latency() {
        return latency;
    }

    public HealthTiles tiles() {
        return tiles;
    }

    public BooleanProperty unreachableProperty() {
        return unreachable;
    }

    public StringProperty unreachableTitleProperty() {
        return unreachableTitle;
    }

    public StringProperty unreachableReasonProperty() {
        return unreachableReason;
    }

    public StringProperty lastCheckedProperty() {
        return lastChecked;
    }

    /** What the server says needs attention, as of its last answer. */
    public ObservableList<HealthFinding> findings() {
        return findings;
    }

    /** Fields of detailed health this app has no tile for, as "name: value". */
    public ObservableList<String> extras() {
        return extras;
    }

    /** Polls now and then every {@code interval}, until {@link #stop()}. */
    public void start(Duration interval) {
        stop();
        if (startedAt == null) {
            startedAt = clock.instant();
        }
        poll();
        polling = ticker.every(interval, this::poll);
    }

    public void stop() {
        polling.cancel();
        polling = TaskHandle.DONE;
    }

    public void poll() {
        if (inFlight) {
            return;
        }
        inFlight = true;
        runner().run("Checking health", this::fetch, this::show, this::showFailure);
    }

    private Snapshot fetch() throws Exception {
        HealthProbe.Reading reading = probe.get().read();
        DetailedHealthReport detail = null;
        String detailProblem = null;
        try {
            detail = api().detailedHealthReport();
        } catch (ApiException e) {
            detailProblem = e.getMessage();
        }
        return new Snapshot(reading, detail, detailProblem);
    }

    /** What one poll brought back; the detailed part may be missing (older server, or not allowed). */
    record Snapshot(HealthProbe.Reading reading, DetailedHealthReport detail, String detailProblem) {
    }

    private void show(Snapshot snapshot) {
        inFlight = false;
        unreachable.set(false);
        lastAnswer = clock.instant();
        DetailedHealth detail = snapshot.detail() == null ? null : snapshot.detail().health();
        tiles.show(snapshot.reading(), detail, snapshot.detail() == null ? Optional.empty()
                : snapshot.detail().publicUrl(), snapshot.detailProblem());
        findings.setAll(snapshot.detail() == null ? List.of() : snapshot.detail().findings());
        extras.setAll(snapshot.detail() == null ? List.of() : snapshot.detail().extras().entrySet().stream()
                .sorted(Map.Entry.comparingByKey()).map(e -> e.getKey() + ": " + e.getValue()).toList());
        addPoint(snapshot.reading().latency().toNanos() / 1e6, snapshot.reading().health().isOk());
    }

    private void showFailure(Throwable failure) {
        inFlight = false;
        unreachable.set(true);
        if (failure instanceof ConnectionProblem problem) {
            unreachableTitle.set(problem.kind().title());
        } else if (failure instanceof ApiException api) {
            unreachableTitle.set("HTTP " + api.status());
        } else {
            unreachableTitle.set("Unreachable");
        }
        unreachableReason.set(Formats.problem(failure));
        tiles.showUnreachable(lastAnswer == null ? "—" : Formats.dateTime(lastAnswer));
        addPoint(Double.NaN, false);
    }

    private void addPoint(double millis, boolean ok) {
        Instant now = clock.instant();
        lastChecked.set(Formats.dateTime(now));
        latency.add(new LatencyPoint(Duration.between(startedAt == null ? now : startedAt, now).toMillis() / 1000.0,
                millis, ok));
        if (latency.size() > MAX_POINTS) {
            latency.remove(0, latency.size() - MAX_POINTS);
        }
    }
}
