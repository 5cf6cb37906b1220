package org.chatalot.admin.doctor;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.function.Supplier;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import org.chatalot.admin.common.ScreenModel;
import org.chatalot.admin.common.TaskHandle;
import org.chatalot.admin.common.TaskRunner;
import org.chatalot.admin.common.Ticker;
import org.chatalot.admin.connection.CertificateDetails;
import org.chatalot.installer.doctor.DoctorReport;
import org.chatalot.installer.doctor.Finding;
import org.chatalot.installer.doctor.ProgressListener;
import org.chatalot.installer.doctor.Severity;

/**
 * The TLS and deployment check: runs the checks with live progress, shows findings and the certificate, exports
 * the report, and optionally re-runs on a schedule. Every finished run goes to the profile's history
 * ({@link DoctorResults}), which notifies when a result got worse than the last run, even one before a restart.
 */
public final class ChecksViewModel extends ScreenModel {
    /** The doctor runs 19 checks; progress stays below 1 until the report is in, whatever the count. */
    static final int EXPECTED_CHECKS = 19;

    private final ObservableList<Finding> findings = FXCollections.observableArrayList();
    private final ObjectProperty<DoctorReport> report = new SimpleObjectProperty<>();
    private final ObjectProperty<CertificateDetails> certificate = new SimpleObjectProperty<>();
    private final BooleanProperty running = new SimpleBooleanProperty();
    private final DoubleProperty progress = new SimpleDoubleProperty();
    private final StringProperty currentCheck = new SimpleStringProperty("");
    private final StringProperty summary = new SimpleStringProperty("Not run yet");
    private final StringProperty daysLeft = new SimpleStringProperty("");
    private final BooleanProperty periodic = new SimpleBooleanProperty();
    private final ObjectProperty<Duration> period = new SimpleObjectProperty<>(Duration.ofHours(1));
    private final DeploymentChecks checks;
    private final Supplier<CheckRequest> request;
    private final Ticker ticker;
    private final DoctorResults results;
    private final Clock clock;
    private final ReportExport export = new ReportExport();
    private TaskHandle schedule = TaskHandle.DONE;
    private TaskHandle current = TaskHandle.DONE;

    public ChecksViewModel(TaskRunner runner, DeploymentChecks checks, Supplier<CheckRequest> request, Ticker ticker,
                           DoctorResults results, Clock clock) {
        super(runner, () -> {
            throw new IllegalStateException("the checks talk to the public URL, not the admin API");
        });
        this.checks = checks;
        this.request = request;
        this.ticker = ticker;
        this.results = results;
        this.clock = clock;
        periodic.addListener((observable, was, on) -> reschedule());
        period.addListener((observable, was, value) -> reschedule());
    }

    public ObservableList<Finding> findings() {
        return findings;
    }

    public ObjectProperty<DoctorReport> reportProperty() {
        return report;
    }

    public ObjectProperty<CertificateDetails> certificateProperty() {
        return certificate;
    }

    public BooleanProperty runningProperty() {
        return running;
    }

    public DoubleProperty progressProperty() {
        return progress;
    }

    public StringProperty currentCheckProperty() {
        return currentCheck;
    }

    public StringProperty summaryProperty() {
        return summary;
    }

    public StringProperty daysLeftProperty() {
        return daysLeft;
    }

    public BooleanProperty periodicProperty() {
        return periodic;
    }

    public ObjectProperty<Duration> periodProperty() {
        return period;
    }

    public void run() {
        if (running.get()) {
            return;
        }
        CheckRequest what = request.get();
        running.set(true);
        progress.set(0);
        findings.clear();
        current = submit("Checking " + what.url(), () -> checks.run(what, new Progress()), result -> {
            finish(result);
            results.record(result);
        }, failure -> {
            running.set(false);
            currentCheck.set("");
        });
    }

    public void cancel() {
        current.cancel();
        running.set(false);
        currentCheck.set("Cancelled");
    }

    public void exportMarkdown(Path target) {
        write(target, () -> export.markdown(report.get()));
    }

    public void exportJson(Path target) {
        write(target, () -> export.json(report.get()));
    }

    private void write(Path target, Supplier<String> content) {
        if (report.get() == null) {
            fail("Run the checks first.");
            return;
        }
        String text = content.get();
        submit("Writing " + target.getFileName(), () -> Files.writeString(target, text, StandardCharsets.UTF_8),
                written -> tell("Report saved to " + written.getFileName()));
    }

    private void finish(DoctorReport result) {
        running.set(false);
        progress.set(1);
        currentCheck.set("");
        report.set(result);
        findings.setAll(result.findings());
        CertificateDetails leaf = CertificateDetails.leafOf(result).orElse(null);
        certificate.set(leaf);
        daysLeft.set(leaf == null ? "" : leaf.daysLeft(clock.instant()) + " days left");
        summary.set(result.worst().label().toUpperCase(Locale.ROOT) + ": " + count(result, Severity.PASS) + " pass, "
                + count(result, Severity.WARN) + " warn, " + count(result, Severity.FAIL) + " fail, "
                + count(result, Severity.SKIP) + " skipped");
    }

    private static int count(DoctorReport report, Severity severity) {
        return report.withSeverity(severity).size();
    }

    private void reschedule() {
        schedule.cancel();
        schedule = periodic.get() ? ticker.every(period.get(), this::run) : TaskHandle.DONE;
    }

    /** Progress arrives on the checking thread; the properties change on the UI thread. */
    private final class Progress implements ProgressListener {
        private int finished;

        @Override
        public void started(String id, String title) {
            runner().onUiThread(() -> currentCheck.set(title + "…"));
        }

        @Override
        public void finished(Finding finding) {
            int done = ++finished;
            runner().onUiThread(() -> {
                findings.add(finding);
                progress.set(Math.min(0.95, done / (double) Math.max(EXPECTED_CHECKS, done + 1)));
            });
        }
    }
}
