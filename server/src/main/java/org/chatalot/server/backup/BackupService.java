package org.chatalot.server.backup;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.chatalot.model.admin.BackupInfo;
import org.chatalot.server.audit.AuditLog;
import org.chatalot.server.audit.AuditLog.AuditEntry;
import org.chatalot.server.common.Actor;
import org.chatalot.server.config.ServerConfig;
import org.chatalot.server.db.Sql;
import org.chatalot.server.error.Conflict;
import org.chatalot.server.error.NotFound;
import org.chatalot.server.security.PrivateFiles;

/**
 * Online backups while the server keeps serving. H2's {@code BACKUP TO} copies the database as of one
 * instant without blocking writers; the files tree is copied after it, so every file the copied database
 * refers to is there (uploads finished later are extra, and harmless). One backup runs at a time.
 */
public final class BackupService {
    private final Sql sql;
    private final ServerConfig.Storage storage;
    private final String serverVersion;
    private final AuditLog audit;
    private final ObjectMapper json;
    private final Clock clock;
    private final ReentrantLock running = new ReentrantLock();

    public BackupService(Sql sql, ServerConfig.Storage storage, String serverVersion, AuditLog audit,
                         ObjectMapper json, Clock clock) {
        this.sql = sql;
        this.storage = storage;
        this.serverVersion = serverVersion;
        this.audit = audit;
        this.json = json;
        this.clock = clock;
    }

    public BackupInfo create(Actor actor) {
        return create(actor, false);
    }

    /**
     * Takes a backup; a {@code scheduled} one is named so (those are the ones {@link #pruneScheduled} removes) and
     * audited with its schedule's actor.
     */
    public BackupInfo create(Actor actor, boolean scheduled) {
        if (BackupLayout.h2DatabaseFile(storage.databaseUrl()).isEmpty()) {
            throw new Conflict("backup_unsupported", null, "online backups need the embedded H2 database; back "
                    + "up an external database with its own tools");
        }
        if (!running.tryLock()) {
            throw new Conflict("backup_in_progress", null, "a backup is already being made; try again shortly");
        }
        try {
            long started = System.nanoTime();
            BackupInfo info = write(clock.instant(), scheduled);
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("name", info.name());
            details.put("size_bytes", info.sizeBytes());
            details.put("millis", (System.nanoTime() - started) / 1_000_000);
            details.put("scheduled", scheduled);
            audit.record(AuditEntry.by(actor.userId(), actor.name(), "admin.backup_created", actor.origin())
                    .target("backup", info.name(), null).details(details));
            return info;
        } catch (IOException e) {
            throw new UncheckedIOException("backup failed: " + e.getMessage(), e);
        } finally {
            running.unlock();
        }
    }

    /** Deletes scheduled backups beyond the newest {@code keep}; manual ones are never touched. */
    public List<String> pruneScheduled(Actor actor, int keep) {
        List<BackupInfo> scheduled = list().stream().filter(BackupInfo::scheduled).toList();
        List<String> pruned = new ArrayList<>();
        for (BackupInfo old : scheduled.subList(Math.min(keep, scheduled.size()), scheduled.size())) {
            Path file = backupsDir().resolve(old.name());
            try {
                Files.deleteIfExists(file);
                Files.deleteIfExists(sidecar(file));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot remove the old backup " + old.name() + ": " + e.getMessage(),
                        e);
            }
            audit.record(AuditEntry.by(actor.userId(), actor.name(), "admin.backup_pruned", actor.origin())
                    .target("backup", old.name(), null).details(Map.of("keep", keep)));
            pruned.add(old.name());
        }
        return pruned;
    }

    /** What the archives take now, and the room left where they are written. */
    public Space space() {
        List<BackupInfo> all = list();
        long used = all.stream().mapToLong(BackupInfo::sizeBytes).sum();
        long next = all.isEmpty() ? dataSize() : all.get(0).sizeBytes();
        long free;
        try {
            free = Files.getFileStore(Files.isDirectory(backupsDir()) ? backupsDir() : storage.dataDir())
                    .getUsableSpace();
        } catch (IOException e) {
            free = 0;
        }
        return new Space(used, all.size(), free, next, free - next >= storage.minFreeDiskBytes());
    }

    /**
     * The archives' total size and count, the free space, the expected size of the next archive and whether it
     * fits while leaving {@code MIN_FREE_DISK_MB} free (the server needs that room to keep working).
     */
    public record Space(long usedBytes, int count, long freeBytes, long nextBytes, boolean enoughForNext) {
    }

    /** Before the first backup: the database file plus the uploads, an upper bound (the archive compresses). */
    private long dataSize() {
        long size = BackupLayout.h2DatabaseFile(storage.databaseUrl()).map(BackupService::sizeOf).orElse(0L);
        return size + sizeOf(storage.filesDir());
    }

    private static long sizeOf(Path path) {
        if (!Files.exists(path)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(path)) {
            return files.filter(Files::isRegularFile).mapToLong(file -> {
                try {
                    return Files.size(file);
                } catch (IOException e) {
                    return 0;
                }
            }).sum();
        } catch (IOException | UncheckedIOException e) {
            return 0;
        }
    }

    /** Newest first. */
    public List<BackupInfo> list() {
        Path dir = backupsDir();
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.filter(p -> BackupLayout.isBackupName(p.getFileName().toString()))
                    .map(this::info)
                    .sorted(Comparator.comparing(BackupInfo::createdAt).reversed()
                            .thenComparing(BackupInfo::name, Comparator.reverseOrder()))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The archive file, for download; only names the server made are accepted. */
    public Path archive(Actor actor, String name) {
        Path file = existing(name);
        audit.record(AuditEntry.by(actor.userId(), actor.name(), "admin.backup_downloaded", actor.origin())
                .target("backup", name, null));
        return file;
    }

    public void delete(Actor actor, String name) {
        Path file = existing(name);
        try {
            Files.deleteIfExists(file);
            Files.deleteIfExists(sidecar(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        audit.record(AuditEntry.by(actor.userId(), actor.name(), "admin.backup_deleted", actor.origin())
                .target("backup", name, null));
    }

    private BackupInfo write(Instant now, boolean scheduled) throws IOException {
        // A backup writes a copy of everything into DATA_DIR: refused (storage_full) unless that leaves
        // MIN_FREE_DISK_MB free, so making a backup can never be what fills the disk.
        sql.space().requireRoom(neededBytes());
        Path dir = PrivateFiles.directory(backupsDir());
        String name = freeName(dir, now, scheduled);
        Path databaseCopy = Files.createTempFile(dir, ".db-", ".zip");
        Path partial = Files.createTempFile(dir, ".partial-", ".zip");
        try {
            sql.update("backup-database", databaseCopy.toString());
            String sha256;
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(partial), 256 * 1024);
                 ArchiveWriter archive = new ArchiveWriter(out)) {
                archive.addDatabase(databaseCopy);
                archive.addTree(BackupLayout.FILES_DIR, storage.filesDir(), true);
                archive.addTree(BackupLayout.KEYS_DIR, storage.keysDir(), false);
                archive.addBytes(BackupLayout.MANIFEST, manifest(now, archive));
                sha256 = archive.finish();
            }
            Path target = dir.resolve(name);
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
            PrivateFiles.write(sidecar(target), (sha256 + "  " + name + "\n").getBytes(StandardCharsets.UTF_8));
            return new BackupInfo(name, Files.size(target), now, sha256, scheduled);
        } finally {
            Files.deleteIfExists(databaseCopy);
            Files.deleteIfExists(partial);
        }
    }

    /** At most what a backup writes: the database copied twice (alone, then in the archive), files and keys. */
    private long neededBytes() {
        long database = BackupLayout.h2DatabaseFile(storage.databaseUrl()).map(BackupService::sizeOf).orElse(0L);
        return 2 * database + sizeOf(storage.filesDir()) + sizeOf(storage.keysDir());
    }

    private byte[] manifest(Instant now, ArchiveWriter archive) throws IOException {
        Map<String, Object> manifest = new LinkedHashMap<>();
        manifest.put("format", 1);
        manifest.put("server_version", serverVersion);
        manifest.put("created_at", now.toString());
        manifest.put("files", archive.files());
        manifest.put("file_bytes", archive.fileBytes());
        return json.writerWithDefaultPrettyPrinter().writeValueAsBytes(manifest);
    }

    private BackupInfo info(Path file) {
        try {
            String name = file.getFileName().toString();
            Path sum = sidecar(file);
            String sha256 = Files.exists(sum) ? Files.readString(sum).strip().split("\\s+")[0] : null;
            Instant taken = BackupLayout.takenAt(name).orElse(Files.getLastModifiedTime(file).toInstant());
            return new BackupInfo(name, Files.size(file), taken, sha256, BackupLayout.isScheduledName(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Path existing(String name) {
        if (!BackupLayout.isBackupName(name)) {
            throw new NotFound("no such backup: " + name);
        }
        Path file = backupsDir().resolve(name);
        if (!Files.isRegularFile(file)) {
            throw new NotFound("no such backup: " + name);
        }
        return file;
    }

    private static String freeName(Path dir, Instant now, boolean scheduled) {
        String base = "chatalot-backup-" + BackupLayout.STAMP.format(now)
                + (scheduled ? BackupLayout.SCHEDULED_MARK : "");
        String name = base + ".zip";
        for (int n = 2; Files.exists(dir.resolve(name)); n++) {
            name = base + "-" + n + ".zip";
        }
        return name;
    }

    private Path backupsDir() {
        return storage.dataDir().resolve(BackupLayout.BACKUPS);
    }

    private static Path sidecar(Path archive) {
        return archive.resolveSibling(archive.getFileName() + BackupLayout.SHA256_SUFFIX);
    }
}
