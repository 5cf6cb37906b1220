package org.chatalot.server.health;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.IntSupplier;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

import org.chatalot.model.health.DetailedHealth;
import org.chatalot.model.health.Health;
import org.chatalot.model.health.HealthFinding;
import org.chatalot.model.health.Readiness;
import org.chatalot.server.config.ServerConfig;
import org.chatalot.server.db.Database;

/** Computes the health reports from the database, the data directory and the lifecycle. */
public final class HealthChecks {
    private static final System.Logger LOG = System.getLogger(HealthChecks.class.getName());

    private final Database database;
    private final ServerConfig.Storage storage;
    private final Lifecycle lifecycle;
    private final BuildInfo build;
    private final Activity activity;
    private final List<Supplier<List<HealthFinding>>> findingSources = new CopyOnWriteArrayList<>();

    public HealthChecks(Database database, ServerConfig.Storage storage, Lifecycle lifecycle, BuildInfo build,
                        Activity activity) {
        this.database = database;
        this.storage = storage;
        this.lifecycle = lifecycle;
        this.build = build;
        this.activity = activity;
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

    /** The upstream-compatible probe: degraded when the database does not answer. */
    public Health health() {
        boolean dbHealthy = database.ping().healthy();
        return new Health(dbHealthy ? Health.OK : Health.DEGRADED, build.version(), uptimeSeconds(), dbHealthy);
    }

    /** Ready to take traffic: database answers, data directory writable with room, not stopping. */
    public Readiness readiness() {
        Database.Ping ping = database.ping();
        Readiness.Check db = new Readiness.Check("database", ping.healthy(),
                ping.healthy() ? "answered in " + millis(ping) + " ms" : ping.error());
        Readiness.Check disk = diskCheck();
        Readiness.Check running = new Readiness.Check("shutdown", !lifecycle.isShuttingDown(),
                lifecycle.isShuttingDown() ? "server is shutting down" : "running");
        List<Readiness.Check> checks = List.of(db, disk, running);
        boolean ready = checks.stream().allMatch(Readiness.Check::ok);
        return new Readiness(ready ? Readiness.READY : Readiness.NOT_READY, checks);
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
        boolean ok = ping.healthy() && !lifecycle.isShuttingDown();
        return new DetailedHealth(ok ? Health.OK : Health.DEGRADED, build.version(), uptimeSeconds(), ping.healthy(),
                millis(ping), free, total, heap.getUsed(), heap.getMax(), activity.openSockets().getAsInt(),
                activity.realtimeSessions().getAsInt(), activity.messagesLastMinute().getAsLong(),
                lifecycle.isShuttingDown(), Runtime.version().toString(), findings());
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
            long free = Files.getFileStore(dir).getUsableSpace();
            Path probe = Files.createTempFile(dir, ".ready-", ".probe");
            Files.delete(probe);
            if (free < storage.minFreeDiskBytes()) {
                return new Readiness.Check("disk", false, "only " + free / (1024 * 1024) + " MiB free in " + dir
                        + " (MIN_FREE_DISK_MB is " + storage.minFreeDiskBytes() / (1024 * 1024) + ")");
            }
            return new Readiness.Check("disk", true, free / (1024 * 1024) + " MiB free");
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
