package org.chatalot.admin.history;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;

import org.chatalot.admin.common.Formats;

/**
 * The history screen: the profile's samples over the last 24 h, 7 d or 30 d as response times, certificate days
 * left, availability and a list of what happened (outages, recoveries, deployment checks, server findings).
 * Everything is derived from the monitor's samples; nothing here talks to the server.
 */
public final class HistoryViewModel {
    private final Monitor monitor;
    private final Clock clock;
    private final ObjectProperty<Range> range = new SimpleObjectProperty<>(Range.DAY);
    private final ObservableList<Point> latency = FXCollections.observableArrayList();
    private final ObservableList<Instant> outages = FXCollections.observableArrayList();
    private final ObservableList<Point> certificateDays = FXCollections.observableArrayList();
    private final ObservableList<Event> events = FXCollections.observableArrayList();
    private final StringProperty availability = new SimpleStringProperty("—");
    private final StringProperty responseTime = new SimpleStringProperty("—");
    private final StringProperty certificate = new SimpleStringProperty("—");
    private final StringProperty lastCheck = new SimpleStringProperty("—");
    private final StringProperty responseNote = new SimpleStringProperty("");
    private final StringProperty lastCheckNote = new SimpleStringProperty("");
    private final ObjectProperty<Instant> from = new SimpleObjectProperty<>();

    /** The spans the screen offers. */
    public enum Range {
        DAY("24 h", Duration.ofDays(1)), WEEK("7 d", Duration.ofDays(7)), MONTH("30 d", Duration.ofDays(30));

        private final String label;
        private final Duration span;

        Range(String label, Duration span) {
            this.label = label;
            this.span = span;
        }

        public String label() {
            return label;
        }

        public Duration span() {
            return span;
        }
    }

    /** A value at a time, for a chart. */
    public record Point(Instant at, double value) {
    }

    /** A line in "what happened": when, a state for the badge ({@code ok}, {@code warn}, {@code fail}) and what. */
    public record Event(Instant at, String state, String what) {
    }

    public HistoryViewModel(Monitor monitor, Clock clock) {
        this.monitor = monitor;
        this.clock = clock;
        monitor.samples().addListener((ListChangeListener<Sample>) change -> recompute());
        range.addListener((observable, was, now) -> recompute());
        recompute();
    }

    public ObjectProperty<Range> rangeProperty() {
        return range;
    }

    public ObservableList<Point> latency() {
        return latency;
    }

    /** Background checks that found the server down or degraded. */
    public ObservableList<Instant> outages() {
        return outages;
    }

    public ObservableList<Point> certificateDays() {
        return certificateDays;
    }

    /** Newest first. */
    public ObservableList<Event> events() {
        return events;
    }

    public StringProperty availabilityProperty() {
        return availability;
    }

    public StringProperty responseTimeProperty() {
        return responseTime;
    }

    public StringProperty certificateProperty() {
        return certificate;
    }

    public StringProperty lastCheckProperty() {
        return lastCheck;
    }

    /** Under the response time: the worst in the range. */
    public StringProperty responseNoteProperty() {
        return responseNote;
    }

    /** Under the last deployment check: when it ran. */
    public StringProperty lastCheckNoteProperty() {
        return lastCheckNote;
    }

    /** Where the charts start: now minus the range. */
    public ObjectProperty<Instant> fromProperty() {
        return from;
    }

    public BooleanProperty checkingProperty() {
        return monitor.checkingProperty();
    }

    /** Why the history could not be read or written (a full disk, a folder it may not write). */
    public ReadOnlyStringProperty errorProperty() {
        return monitor.errorProperty();
    }

    public StringProperty notificationsProperty() {
        return monitor.notificationsProperty();
    }

    public String schedule() {
        Duration period = monitor.period();
        return "Checked every " + (period.toMinutes() >= 1 ? period.toMinutes() + " min" : period.toSeconds() + " s")
                + " while the app is open";
    }

    public void checkNow() {
        monitor.checkNow();
    }

    private void recompute() {
        Instant start = clock.instant().minus(range.get().span());
        List<Sample> shown = monitor.samples().stream().filter(sample -> !sample.at().isBefore(start)).toList();
        List<Sample> health = shown.stream().filter(sample -> sample.kind() == Sample.Kind.HEALTH).toList();
        from.set(start);
        latency.setAll(health.stream().filter(sample -> sample.latencyMs() != null)
                .map(sample -> new Point(sample.at(), sample.latencyMs())).toList());
        outages.setAll(health.stream().filter(sample -> Sample.rank(sample.health()) > 0).map(Sample::at).toList());
        certificateDays.setAll(shown.stream().filter(sample -> sample.certDays() != null)
                .map(sample -> new Point(sample.at(), sample.certDays())).toList());
        events.setAll(events(shown));
        summarise(health, shown);
    }

    private void summarise(List<Sample> health, List<Sample> shown) {
        long ok = health.stream().filter(sample -> Sample.OK.equals(sample.health())).count();
        availability.set(health.isEmpty() ? "no checks yet" : String.format(Locale.ROOT, "%.1f %% up (%d of %d)",
                100.0 * ok / health.size(), ok, health.size()));
        List<Double> times = latency.stream().map(Point::value).sorted().toList();
        responseTime.set(times.isEmpty() ? "—" : String.format(Locale.ROOT, "%.0f ms", times.get(times.size() / 2)));
        responseNote.set(times.isEmpty() ? "" : String.format(Locale.ROOT, "median; worst %.0f ms", times.getLast()));
        Optional<Sample> lastCert = shown.reversed().stream().filter(sample -> sample.certDays() != null).findFirst();
        certificate.set(lastCert.map(sample -> sample.certDays() + " days left"
                + (sample.certState() == null ? "" : " (" + sample.certState() + ")")).orElse("—"));
        Optional<Sample> lastDoctor = shown.reversed().stream().filter(sample -> sample.kind() == Sample.Kind.DOCTOR)
                .findFirst();
        lastCheck.set(lastDoctor.map(Sample::doctor).orElse("none"));
        lastCheckNote.set(lastDoctor.map(sample -> Formats.dateTime(sample.at())).orElse("in this range"));
    }

    /** State changes of the background checks, every deployment check, and server findings as they appear. */
    private static List<Event> events(List<Sample> shown) {
        List<Event> out = new ArrayList<>();
        Sample previousHealth = null;
        for (Sample sample : shown) {
            if (sample.kind() == Sample.Kind.DOCTOR) {
                out.add(new Event(sample.at(), state(sample.doctor()), "Deployment check: " + sample.doctor()
                        + (sample.findings().isEmpty() ? "" : " — " + titles(sample))));
                continue;
            }
            if (previousHealth == null || !previousHealth.health().equals(sample.health())) {
                out.add(new Event(sample.at(), state(sample.health()), switch (sample.health()) {
                    case Sample.OK -> previousHealth == null ? "Server up" : "Server back up";
                    case Sample.DEGRADED -> "Server degraded (database not answering)";
                    default -> "Server unreachable" + (sample.problem() == null ? "" : ": " + sample.problem());
                }));
            }
            for (Sample.Item finding : sample.findings()) {
                boolean known = previousHealth != null && previousHealth.findings().stream()
                        .anyMatch(item -> item.id().equals(finding.id()) && item.severity().equals(finding.severity()));
                if (!known) {
                    out.add(new Event(sample.at(), state(finding.severity()), finding.title()));
                }
            }
            previousHealth = sample;
        }
        return out.reversed();
    }

    private static String titles(Sample sample) {
        return String.join(", ", sample.findings().stream().map(Sample.Item::title).toList());
    }

    private static String state(String value) {
        return switch (Sample.rank(value)) {
            case 0 -> "ok";
            case 1 -> "warn";
            default -> "fail";
        };
    }
}
