package org.chatalot.server.selfcheck;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.ToDoubleFunction;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import org.chatalot.model.health.SelfCheck;
import org.chatalot.server.config.ServerConfig;

/**
 * Looks at PUBLIC_URL every SELF_CHECK_INTERVAL_SECONDS on a thread of its own, keeps the latest report for
 * the detailed health, publishes it as Prometheus gauges and logs each change of its status. Without an https
 * PUBLIC_URL (or with an interval of 0) it does nothing.
 */
public final class SelfChecker implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(SelfChecker.class.getName());
    /** The first look waits for the proxy and the server to settle, but not for a whole interval. */
    private static final Duration FIRST_DELAY = Duration.ofSeconds(10);
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final URI publicUrl;
    private final ServerConfig.SelfCheck config;
    private final Clock clock;
    private final AtomicReference<SelfCheck> latest = new AtomicReference<>();
    private final ScheduledExecutorService scheduler;

    private SelfChecker(URI publicUrl, ServerConfig.SelfCheck config, Clock clock, boolean isEnabled) {
        this.publicUrl = publicUrl;
        this.config = config;
        this.clock = clock;
        this.scheduler = isEnabled ? Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "self-check");
            thread.setDaemon(true);
            return thread;
        }) : null;
    }

    /** Starts the schedule and registers the gauges when there is an https PUBLIC_URL to check. */
    public static SelfChecker start(Optional<URI> publicUrl, ServerConfig.SelfCheck config, MeterRegistry registry,
                                    Clock clock) {
        boolean isEnabled = config.isEnabled() && publicUrl.filter(url -> "https".equals(url.getScheme())).isPresent();
        SelfChecker checker = new SelfChecker(publicUrl.orElse(null), config, clock, isEnabled);
        if (isEnabled) {
            checker.register(registry);
            Duration first = config.interval().compareTo(FIRST_DELAY) < 0 ? config.interval() : FIRST_DELAY;
            checker.scheduler.scheduleWithFixedDelay(checker::runOnce, first.toMillis(), config.interval().toMillis(),
                    TimeUnit.MILLISECONDS);
        }
        return checker;
    }

    /** The latest report; empty before the first check or when the self-check is off. */
    public Optional<SelfCheck> latest() {
        return Optional.ofNullable(latest.get());
    }

    /** One check now, on the caller's thread; the schedule calls this too. */
    public SelfCheck check() {
        SelfCheck report = SelfCheckJudge.judge(publicUrl, PublicUrlProbe.look(publicUrl, config, TIMEOUT),
                clock.instant());
        SelfCheck previous = latest.getAndSet(report);
        if (previous == null || !previous.status().equals(report.status())) {
            log(report);
        }
        return report;
    }

    private void runOnce() {
        try {
            check();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "Self-check of " + publicUrl + " failed; will retry", e);
        }
    }

    private void log(SelfCheck report) {
        if (report.status().equals(SelfCheck.OK)) {
            String left = report.certificate() == null ? "" : "; certificate valid until "
                    + report.certificate().notAfter();
            LOG.log(System.Logger.Level.INFO, "Self-check of " + publicUrl + ": ok" + left);
            return;
        }
        report.findings().forEach(finding -> LOG.log(System.Logger.Level.WARNING, "Self-check of " + publicUrl
                + ": " + finding.severity() + " " + finding.id() + ": " + finding.message()));
    }

    private void register(MeterRegistry registry) {
        gauge(registry, "chatalot.certificate.expiry", "seconds", "Time until the public certificate's notAfter "
                + "(negative once expired)", r -> r.certificate() == null ? Double.NaN : r.certificate().secondsLeft());
        gauge(registry, "chatalot.certificate.lifetime", "seconds", "The public certificate's whole lifetime",
                r -> r.certificate() == null ? Double.NaN : r.certificate().lifetimeSeconds());
        gauge(registry, "chatalot.certificate.verified", null, "1 when the public certificate verified, else 0",
                r -> r.certificate() == null ? 0 : r.certificate().verified() ? 1 : 0);
        gauge(registry, "chatalot.public.url.up", null, "1 when /api/health answered ok through the public URL",
                r -> r.throughProxy() != null && r.throughProxy().up() ? 1 : 0);
        gauge(registry, "chatalot.self.check.status", null, "Worst self-check finding: 0 ok, 1 warn, 2 fail",
                r -> switch (r.status()) {
                    case SelfCheck.OK -> 0;
                    case SelfCheck.WARN -> 1;
                    default -> 2;
                });
        gauge(registry, "chatalot.self.check.timestamp", "seconds", "When the last self-check ran (Unix time)",
                r -> r.checkedAt().getEpochSecond());
    }

    private void gauge(MeterRegistry registry, String name, String unit, String help,
                       ToDoubleFunction<SelfCheck> value) {
        Gauge.builder(name, latest, ref -> ref.get() == null ? Double.NaN : value.applyAsDouble(ref.get()))
                .baseUnit(unit).description(help).register(registry);
    }

    @Override
    public void close() {
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
    }
}
