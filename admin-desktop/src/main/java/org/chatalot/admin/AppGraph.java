package org.chatalot.admin;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executor;

import org.chatalot.admin.api.ServerConnection;
import org.chatalot.admin.common.DesktopNotifier;
import org.chatalot.admin.common.ExecutorTaskRunner;
import org.chatalot.admin.common.Notifier;
import org.chatalot.admin.common.ScheduledTicker;
import org.chatalot.admin.common.TaskRunner;
import org.chatalot.admin.common.Ticker;
import org.chatalot.admin.connection.AppDirectories;
import org.chatalot.admin.connection.CertificateProbe;
import org.chatalot.admin.connection.FileSecretStore;
import org.chatalot.admin.connection.JdkSslContextFactory;
import org.chatalot.admin.connection.Preferences;
import org.chatalot.admin.connection.ProfileStore;
import org.chatalot.admin.connection.SslContextFactory;
import org.chatalot.admin.doctor.DeploymentChecks;
import org.chatalot.admin.doctor.DoctorChecks;
import org.chatalot.admin.history.HistoryStore;
import org.chatalot.admin.history.Monitor;
import org.chatalot.admin.login.Connector;
import org.chatalot.admin.login.RememberedSessions;
import org.chatalot.admin.shell.ShellViewModel;

/**
 * The app's object graph, built once: the one task runner, the ticker, stores in the config and data folders, the
 * TLS factory, the checks and the notifier. Tests build the same graph with their own folders and UI executor.
 */
public final class AppGraph implements AutoCloseable {
    /** Upper bound for any one task; HTTP calls time out sooner (10 s), downloads may take this long. */
    static final Duration TASK_LIMIT = Duration.ofMinutes(5);

    private final AppDirectories directories;
    private final ExecutorTaskRunner runner;
    private final ScheduledTicker ticker;
    private final ProfileStore profiles;
    private final RememberedSessions remembered;
    private final Preferences preferences;
    private final SslContextFactory ssl = new JdkSslContextFactory();
    private final DeploymentChecks checks;
    private final Connector connector;
    private final ShellViewModel shell;
    private final DesktopNotifier notifier;
    private final Duration monitorPeriod;
    private final Clock clock;

    /** What a test or the screenshots change; the app itself uses {@link #defaults()}. */
    public record Options(DeploymentChecks checks, Duration monitorPeriod, Clock clock) {
        public static Options defaults() {
            return new Options(null, Monitor.DEFAULT_PERIOD, Clock.systemUTC());
        }

        /** Other deployment checks than the installer's doctor (a fixed report, a shorter idle hold). */
        public Options withChecks(DeploymentChecks value) {
            return new Options(value, monitorPeriod, clock);
        }

        public Options withMonitorPeriod(Duration value) {
            return new Options(checks, value, clock);
        }

        /** The time the history is kept in (screenshots space real checks out over hours with it). */
        public Options withClock(Clock value) {
            return new Options(checks, monitorPeriod, value);
        }
    }

    public AppGraph(Path folder, Executor uiThread) {
        this(AppDirectories.under(folder), uiThread, Options.defaults());
    }

    public AppGraph(Path folder, Executor uiThread, DeploymentChecks checksOrNull) {
        this(AppDirectories.under(folder), uiThread, Options.defaults().withChecks(checksOrNull));
    }

    public AppGraph(AppDirectories directories, Executor uiThread, Options options) {
        this.directories = directories;
        clock = options.clock();
        runner = new ExecutorTaskRunner(uiThread, TASK_LIMIT);
        ticker = new ScheduledTicker(uiThread);
        profiles = new ProfileStore(directories.config());
        remembered = new RememberedSessions(new FileSecretStore(directories.config()));
        preferences = new Preferences(directories.config());
        checks = options.checks() == null ? new DoctorChecks(clock) : options.checks();
        connector = (profile, listener) -> ServerConnection.open(profile, ssl, listener);
        shell = new ShellViewModel(runner, profiles);
        runner.setSessionGate(shell);
        notifier = new DesktopNotifier(shell::showBanner);
        monitorPeriod = options.monitorPeriod();
    }

    public static Options defaults() {
        return Options.defaults();
    }

    public AppDirectories directories() {
        return directories;
    }

    public TaskRunner runner() {
        return runner;
    }

    public Ticker ticker() {
        return ticker;
    }

    public ProfileStore profiles() {
        return profiles;
    }

    public RememberedSessions remembered() {
        return remembered;
    }

    public Preferences preferences() {
        return preferences;
    }

    public SslContextFactory ssl() {
        return ssl;
    }

    public DeploymentChecks checks() {
        return checks;
    }

    public Connector connector() {
        return connector;
    }

    public ShellViewModel shell() {
        return shell;
    }

    public Notifier notifier() {
        return notifier;
    }

    public Clock clock() {
        return clock;
    }

    public Duration monitorPeriod() {
        return monitorPeriod;
    }

    /** The history file of a profile, in the data folder. */
    public HistoryStore history(String profileName) {
        return new HistoryStore(HistoryStore.fileFor(directories.history(), profileName), clock);
    }

    public CertificateProbe probe() {
        return new CertificateProbe(ServerConnection.REQUEST_TIMEOUT);
    }

    @Override
    public void close() {
        runner.close();
        ticker.close();
        notifier.close();
    }
}
