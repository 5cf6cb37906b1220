package org.chatalot.admin.health;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import org.chatalot.admin.api.ApiException;
import org.chatalot.admin.api.ConnectionProblem;
import org.chatalot.admin.api.HealthProbe;
import org.chatalot.admin.common.Formats;
import org.chatalot.admin.common.ScreenModel;
import org.chatalot.admin.common.TaskHandle;
import org.chatalot.admin.common.TaskRunner;
import org.chatalot.admin.common.Ticker;
import org.chatalot.model.health.DetailedHealth;

/**
 * Polls health on an interval while the dashboard is shown. A poll that is still running when the next tick
 * comes is not doubled up, so a slow server gets one request at a time. The latency history lasts the session
 * (capped, oldest dropped) and the tiles show the last answer.
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
        DetailedHealth detail = null;
        String detailProblem = null;
        try {
            detail = api().detailedHealth();
        } catch (ApiException e) {
            detailProblem = e.getMessage();
        }
        return new Snapshot(reading, detail, detailProblem);
    }

    /** What one poll brought back; the detailed part may be missing (older server, or not allowed). */
    record Snapshot(HealthProbe.Reading reading, DetailedHealth detail, String detailProblem) {
    }

    private void show(Snapshot snapshot) {
        inFlight = false;
        unreachable.set(false);
        tiles.show(snapshot.reading(), snapshot.detail(), snapshot.detailProblem());
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
        tiles.showUnreachable();
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
