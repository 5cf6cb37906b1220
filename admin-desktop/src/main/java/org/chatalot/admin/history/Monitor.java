package org.chatalot.admin.history;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import org.chatalot.admin.api.ApiException;
import org.chatalot.admin.api.ConnectionProblem;
import org.chatalot.admin.api.DetailedHealthReport;
import org.chatalot.admin.api.HealthProbe;
import org.chatalot.admin.common.Notifier;
import org.chatalot.admin.common.ScreenModel;
import org.chatalot.admin.common.TaskHandle;
import org.chatalot.admin.common.TaskRunner;
import org.chatalot.admin.common.Ticker;
import org.chatalot.admin.common.Work;
import org.chatalot.admin.connection.CertificateDetails;
import org.chatalot.admin.doctor.DoctorResults;
import org.chatalot.installer.doctor.DoctorReport;
import org.chatalot.model.health.HealthFinding;

/**
 * Checks the server in the background while the app is open, whatever screen is shown: health and response time,
 * the server's own findings (a failed scheduled backup) and the certificate's days left, every {@code period}.
 * Each result, and each finished deployment check, goes into the profile's history and is compared with the
 * previous one of its kind, the one before a restart included; when something got worse the admin is notified.
 */
public final class Monitor extends ScreenModel implements DoctorResults {
    public static final Duration DEFAULT_PERIOD = Duration.ofMinutes(5);

    private final ObservableList<Sample> samples = FXCollections.observableArrayList();
    private final ObjectProperty<Sample> latest = new SimpleObjectProperty<>();
    private final BooleanProperty checking = new SimpleBooleanProperty();
    private final StringProperty notifications = new SimpleStringProperty("");
    private final Supplier<HealthProbe> probe;
    private final Work<Optional<CertificateDetails>> certificate;
    private final HistoryStore history;
    private final Notifier notifier;
    private final Ticker ticker;
    private final Clock clock;
    private final Duration period;
    private final String server;
    private TaskHandle schedule = TaskHandle.DONE;

    /** What the monitor reads and where it writes; {@code server} names the profile in notifications. */
    public record Sources(Supplier<HealthProbe> probe, Work<Optional<CertificateDetails>> certificate,
                          HistoryStore history, String server) {
    }

    public Monitor(TaskRunner runner, ApiAccess access, Sources sources, Notifier notifier, Ticker ticker,
                   Clock clock, Duration period) {
        super(runner, access);
        this.probe = sources.probe();
        this.certificate = sources.certificate();
        this.history = sources.history();
        this.server = sources.server();
        this.notifier = notifier;
        this.ticker = ticker;
        this.clock = clock;
        this.period = period;
    }

    /** The kept history, oldest first; grows as checks run. */
    public ObservableList<Sample> samples() {
        return samples;
    }

    public ObjectProperty<Sample> latestProperty() {
        return latest;
    }

    public BooleanProperty checkingProperty() {
        return checking;
    }

    /** How a notification reaches the admin on this desktop, e.g. "in-app banner (no system tray here)". */
    public StringProperty notificationsProperty() {
        return notifications;
    }

    public Duration period() {
        return period;
    }

    /** Loads the history, checks now, then every period until {@link #stop()}. */
    public void start() {
        stop();
        submit("Loading the history", history::load, loaded -> {
            samples.setAll(loaded);
            checkNow();
        });
        submit("Finding how to notify", notifier::channel, notifications::set);
        schedule = ticker.every(period, this::checkNow);
    }

    public void stop() {
        schedule.cancel();
        schedule = TaskHandle.DONE;
    }

    /** One background check now; a check still running is not doubled up. */
    public void checkNow() {
        if (checking.get()) {
            return;
        }
        checking.set(true);
        submit("Checking " + server, this::check, this::recorded, failure -> checking.set(false));
    }

    /** A finished deployment check: kept and compared with the last one. */
    @Override
    public void record(DoctorReport report) {
        Sample sample = Sample.ofDoctor(report);
        submit("Recording the check", () -> store(sample), this::recorded);
    }

    private Recorded check() throws IOException, InterruptedException {
        Sample sample;
        try {
            HealthProbe.Reading reading = probe.get().read();
            List<HealthFinding> findings = serverFindings();
            sample = Sample.healthy(clock.instant(), reading.health().isOk(), reading.latency().toNanos() / 1e6,
                    readCertificate(), findings);
        } catch (ConnectionProblem problem) {
            if (problem.pinChange().isPresent()) {
                throw problem;
            }
            sample = Sample.unreachable(clock.instant(), problem.kind().title() + ": " + problem.getMessage());
        } catch (ApiException e) {
            sample = Sample.unreachable(clock.instant(), e.getMessage());
        } catch (IOException e) {
            sample = Sample.unreachable(clock.instant(), e.getMessage());
        }
        return store(sample);
    }

    /** The certificate's days left; not knowing them (plain HTTP, a failed handshake) is not a failed check. */
    private Sample.Certificate readCertificate() throws InterruptedException {
        try {
            return certificate.call().map(leaf -> Sample.Certificate.of(leaf, clock.instant()))
                    .orElse(Sample.Certificate.UNKNOWN);
        } catch (InterruptedException e) {
            throw e;
        } catch (Exception e) {
            return Sample.Certificate.UNKNOWN;
        }
    }

    /** The server's findings; an older server, or a refusal, means none rather than a failed check. */
    private List<HealthFinding> serverFindings() throws IOException, InterruptedException {
        try {
            DetailedHealthReport report = api().detailedHealthReport();
            return report.findings();
        } catch (ApiException e) {
            return List.of();
        }
    }

    private Recorded store(Sample sample) throws IOException {
        Optional<Sample> previous = history.last(sample.kind());
        history.append(sample);
        return new Recorded(sample, Changes.worse(previous, sample));
    }

    private record Recorded(Sample sample, List<String> worse) {
    }

    private void recorded(Recorded recorded) {
        if (recorded.sample().kind() == Sample.Kind.HEALTH) {
            checking.set(false);
            latest.set(recorded.sample());
        }
        samples.add(recorded.sample());
        if (!recorded.worse().isEmpty()) {
            notifier.notify(server + " got worse", String.join("\n", recorded.worse()));
        }
    }
}
