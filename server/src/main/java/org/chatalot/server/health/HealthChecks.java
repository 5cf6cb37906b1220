package org.chatalot.server.health;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.IntSupplier;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

import org.chatalot.model.health.DetailedHealth;
import org.chatalot.model.health.Health;
import org.chatalot.model.health.HealthFinding;
import org.chatalot.model.health.Readiness;
import org.chatalot.model.health.SelfCheck;
import org.chatalot.server.config.ServerConfig;
import org.chatalot.server.db.Database;
import org.chatalot.server.db.DiskSpace;
import org.chatalot.server.db.WriteFailures;

/**
 * Computes the health reports from the database, the data directory, the parts the server cannot work
 * without, and the lifecycle. "Healthy" means able to serve: a database that answers reads but cannot store
 * (writes failing, or refused for want of disk space) is not. The detailed report also carries the latest
 * self-check of the public URL.
 */
public final class HealthChecks {
    private static final System.Logger LOG = System.getLogger(HealthChecks.class.getName());

    private final Database database;
    private final ServerConfig.Storage storage;
    private final DiskSpace space;
    private final Lifecycle lifecycle;
    private final BuildInfo build;
    private final Activity activity;
    private final List<Supplier<List<HealthFinding>>> findingSources = new CopyOnWriteArrayList<>();
    private final List<Essential> essentials;
    private final Supplier<Optional<SelfCheck>> selfCheck;

    public HealthChecks(Database database, ServerConfig.Storage storage, DiskSpace space, Lifecycle lifecycle,
                        BuildInfo build, Activity activity, List<Essential> essentials,
                        Supplier<Optional<SelfCheck>> selfCheck) {
        this.database = database;
        this.storage = storage;
        this.space = space;
        this.lifecycle = lifecycle;
        this.build = build;
        this.activity = activity;
        this.essentials = List.copyOf(essentials);
        this.selfCheck = selfCheck;
    }

    /** What the server is doing right now, read when a report is made. */
    public record Activity(IntSupplier openSockets, IntSupplier realtimeSessions, LongSupplier messagesLastMinute) {
    }

    /**
     * Adds a source of findings for the detailed report (scheduled backups register theirs). Features that watch
     * something register here rather than the report knowing every feature.
     */
    public void addFindings(Supplier<List<HealthFinding>> source) {
        findingSources.add(source);
    }

    /**
     * The upstream-compatible probe: degraded when the database does not answer, does not store (writes
     * failing, or refused below MIN_FREE_DISK_MB: {@code db_healthy} false), or a part the server cannot
     * work without has stopped.
     */
    public Health health() {
        boolean dbHealthy = database.ping().healthy() && storing();
        boolean ok = dbHealthy && essentials.stream().allMatch(e -> e.trouble().get().isEmpty());
        return new Health(ok ? Health.OK : Health.DEGRADED, build.version(), uptimeSeconds(), dbHealthy);
    }

    /**
     * Ready to take traffic: database answers and stores, data directory writable with room, every essential
     * part working, not stopping.
     */
    public Readiness readiness() {
        Database.Ping ping = database.ping();
        List<Readiness.Check> checks = new ArrayList<>();
        checks.add(new Readiness.Check("database", ping.healthy(),
                ping.healthy() ? "answered in " + millis(ping) + " ms" : ping.error()));
        checks.add(writesCheck());
        checks.add(diskCheck());
        for (Essential essential : essentials) {
            Optional<String> trouble = essential.trouble().get();
            checks.add(new Readiness.Check(essential.name(), trouble.isEmpty(), trouble.orElse("working")));
        }
        checks.add(new Readiness.Check("shutdown", !lifecycle.isShuttingDown(),
                lifecycle.isShuttingDown() ? "server is shutting down" : "running"));
        boolean ready = checks.stream().allMatch(Readiness.Check::ok);
        return new Readiness(ready ? Readiness.READY : Readiness.NOT_READY, List.copyOf(checks));
    }

    private boolean storing() {
        return database.writeFailures().failing().isEmpty() && !space.isLow();
    }

    private Readiness.Check writesCheck() {
        Optional<WriteFailures.Failure> failing = database.writeFailures().failing();
        return failing.map(f -> new Readiness.Check("writes", false, "failing since " + f.at() + ": " + f.reason()))
                .orElseGet(() -> new Readiness.Check("writes", true, "no write has failed since the last success"));
    }

    public DetailedHealth detailed() {
        Database.Ping ping = database.ping();
        MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        long free = 0;
        long total = 0;
        try {
            var store = Files.getFileStore(storage.dataDir());
            free = store.getUsableSpace();
            total = store.getTotalSpace();
        } catch (IOException e) {
            // reported as zero free space, which readiness also flags
        }
        boolean ok = ping.healthy() && storing() && !lifecycle.isShuttingDown()
                && essentials.stream().allMatch(e -> e.trouble().get().isEmpty());
        return new DetailedHealth(ok ? Health.OK : Health.DEGRADED, build.version(), uptimeSeconds(), ping.healthy(),
                millis(ping), free, total, heap.getUsed(), heap.getMax(), activity.openSockets().getAsInt(),
                activity.realtimeSessions().getAsInt(), activity.messagesLastMinute().getAsLong(),
                lifecycle.isShuttingDown(), Runtime.version().toString(), findings(), selfCheck.get().orElse(null));
    }

    /** What every source reports now; one that fails is logged and left out, so the report still comes. */
    private List<HealthFinding> findings() {
        List<HealthFinding> all = new ArrayList<>();
        for (Supplier<List<HealthFinding>> source : findingSources) {
            try {
                all.addAll(source.get());
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "A health finding source failed", e);
            }
        }
        return List.copyOf(all);
    }

    private Readiness.Check diskCheck() {
        Path dir = storage.dataDir();
        try {
            Path probe = Files.createTempFile(dir, ".ready-", ".probe");
            Files.delete(probe);
            if (space.isLow()) {
                return new Readiness.Check("disk", false, "writes refused: only " + space.describe());
            }
            return new Readiness.Check("disk", true, space.usable() / (1024 * 1024) + " MiB free");
        } catch (IOException e) {
            return new Readiness.Check("disk", false, "cannot write to " + dir + ": " + e.getMessage());
        }
    }

    private long uptimeSeconds() {
        return lifecycle.uptime().toSeconds();
    }

    private static double millis(Database.Ping ping) {
        return Math.round(ping.latency().toNanos() / 10_000.0) / 100.0;
    }
}
