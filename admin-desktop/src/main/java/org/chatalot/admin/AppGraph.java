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
import org.chatalot.admin.connection.CertificateProbe;
import org.chatalot.admin.connection.FileSecretStore;
import org.chatalot.admin.connection.JdkSslContextFactory;
import org.chatalot.admin.connection.ProfileStore;
import org.chatalot.admin.connection.SslContextFactory;
import org.chatalot.admin.doctor.DeploymentChecks;
import org.chatalot.admin.doctor.DoctorChecks;
import org.chatalot.admin.login.Connector;
import org.chatalot.admin.login.RememberedSessions;
import org.chatalot.admin.shell.ShellViewModel;

/**
 * The app's object graph, built once: the one task runner, the ticker, stores in the config directory, the TLS
 * factory and the checks. Tests build the same graph with their own config directory and UI executor.
 */
public final class AppGraph implements AutoCloseable {
    /** Upper bound for any one task; HTTP calls time out sooner (10 s), downloads may take this long. */
    static final Duration TASK_LIMIT = Duration.ofMinutes(5);

    private final ExecutorTaskRunner runner;
    private final ScheduledTicker ticker;
    private final ProfileStore profiles;
    private final RememberedSessions remembered;
    private final SslContextFactory ssl = new JdkSslContextFactory();
    private final DeploymentChecks checks;
    private final Connector connector;
    private final ShellViewModel shell;
    private final Notifier notifier;
    private final Clock clock = Clock.systemUTC();

    public AppGraph(Path configDirectory, Executor uiThread) {
        this(configDirectory, uiThread, null);
    }

    /** With other deployment checks than the installer's doctor: a fixed report for tests and screenshots. */
    public AppGraph(Path configDirectory, Executor uiThread, DeploymentChecks checksOrNull) {
        runner = new ExecutorTaskRunner(uiThread, TASK_LIMIT);
        ticker = new ScheduledTicker(uiThread);
        profiles = new ProfileStore(configDirectory);
        remembered = new RememberedSessions(new FileSecretStore(configDirectory));
        checks = checksOrNull == null ? new DoctorChecks(clock) : checksOrNull;
        connector = (profile, listener) -> ServerConnection.open(profile, ssl, listener);
        shell = new ShellViewModel(runner);
        runner.setSessionGate(shell);
        notifier = new DesktopNotifier(shell::showBanner);
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

    public CertificateProbe probe() {
        return new CertificateProbe(ServerConnection.REQUEST_TIMEOUT);
    }

    @Override
    public void close() {
        runner.close();
        ticker.close();
    }
}
