package org.chatalot.server.backup;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import org.chatalot.server.config.ServerConfig;
import org.chatalot.server.db.DiskSpace;
import org.chatalot.server.security.PrivateFiles;

/**
 * Puts a backup archive back into the data directory of a stopped server. What was there is moved aside
 * to {@code DATA_DIR/pre-restore-<time>} rather than deleted, so a wrong restore can be undone by hand.
 */
public final class BackupRestore {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    private final ServerConfig.Storage storage;
    private final Clock clock;

    public BackupRestore(ServerConfig.Storage storage, Clock clock) {
        this.storage = storage;
        this.clock = clock;
    }

    /** What a restore did. */
    public record Result(Path movedAsideTo, int filesRestored, String manifest) {
    }

    /** Throws {@link RestoreRefused} when the server runs or the archive is not one of ours. */
    public Result restore(Path archive) throws IOException {
        Path database = BackupLayout.h2DatabaseFile(storage.databaseUrl()).orElseThrow(() -> new RestoreRefused(
                "DATABASE_URL is not an embedded H2 file database; restore it with that database's own tools"));
        requireStopped(database);
        try (ZipFile zip = new ZipFile(archive.toFile())) {
            ZipEntry databaseEntry = databaseEntry(zip, archive);
            requireRoom(zip);
            String manifest = new String(zip.getInputStream(zip.getEntry(BackupLayout.MANIFEST)).readAllBytes(),
                    java.nio.charset.StandardCharsets.UTF_8);
            Path aside = moveAside(database);
            extract(zip, databaseEntry, database);
            int files = extractTree(zip, BackupLayout.FILES_DIR, storage.filesDir());
            extractTree(zip, BackupLayout.KEYS_DIR, storage.keysDir());
            return new Result(aside, files, manifest);
        }
    }

    /**
     * The archive's contents must fit and leave MIN_FREE_DISK_MB free: a restore that ran out of space half-way
     * would leave neither the old data (moved aside) nor the new in place.
     */
    private void requireRoom(ZipFile zip) {
        long needed = zip.stream().mapToLong(entry -> Math.max(0, entry.getSize())).sum();
        DiskSpace space = DiskSpace.of(storage.dataDir(), storage.minFreeDiskBytes());
        if (space.usable() - needed < space.minFreeBytes()) {
            throw new RestoreRefused("the backup needs " + needed / (1024 * 1024) + " MiB and DATA_DIR has "
                    + space.describe() + "; free some space first");
        }
    }

    /** H2 holds an exclusive lock on its file while the database is open, in this process or another. */
    static void requireStopped(Path database) throws IOException {
        if (!Files.exists(database)) {
            return;
        }
        try (FileChannel channel = FileChannel.open(database, StandardOpenOption.WRITE)) {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                throw running(database);
            }
            lock.release();
        } catch (OverlappingFileLockException e) {
            throw running(database);
        }
    }

    private static RestoreRefused running(Path database) {
        return new RestoreRefused("the database " + database + " is in use: stop the server first");
    }

    private static ZipEntry databaseEntry(ZipFile zip, Path archive) {
        if (zip.getEntry(BackupLayout.MANIFEST) == null) {
            throw new RestoreRefused(archive + " is not a Chatalot backup (no " + BackupLayout.MANIFEST + ")");
        }
        List<? extends ZipEntry> databases = zip.stream()
                .filter(e -> e.getName().startsWith(BackupLayout.DATABASE_DIR) && e.getName().endsWith(".mv.db"))
                .toList();
        if (databases.size() != 1) {
            throw new RestoreRefused(archive + " holds " + databases.size() + " database files; expected one");
        }
        return databases.getFirst();
    }

    private Path moveAside(Path database) throws IOException {
        Path aside = storage.dataDir().resolve("pre-restore-" + STAMP.format(clock.instant()));
        List<Path> existing = new ArrayList<>();
        String base = database.getFileName().toString().replace(".mv.db", "");
        // The search index goes too: it describes the old database, and the server builds it again at start.
        for (Path candidate : List.of(database, database.resolveSibling(base + ".trace.db"), storage.filesDir(),
                storage.keysDir(), storage.dataDir().resolve("search"))) {
            if (Files.exists(candidate)) {
                existing.add(candidate);
            }
        }
        if (existing.isEmpty()) {
            return null;
        }
        PrivateFiles.directory(aside);
        for (Path path : existing) {
            Files.move(path, aside.resolve(path.getFileName()));
        }
        return aside;
    }

    private static int extractTree(ZipFile zip, String prefix, Path target) throws IOException {
        int count = 0;
        Enumeration<? extends ZipEntry> entries = zip.entries();
        while (entries.hasMoreElements()) {
            ZipEntry entry = entries.nextElement();
            if (entry.isDirectory() || !entry.getName().startsWith(prefix)) {
                continue;
            }
            Path file = target.resolve(entry.getName().substring(prefix.length())).normalize();
            if (!file.startsWith(target.normalize())) {
                throw new RestoreRefused("archive entry " + entry.getName() + " points outside " + target);
            }
            extract(zip, entry, file);
            count++;
        }
        return count;
    }

    /** Writes one entry to a new file that only the owner can read, creating owner-only folders on the way. */
    private static void extract(ZipFile zip, ZipEntry entry, Path file) throws IOException {
        createPrivateDirectories(file.getParent());
        boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
        if (posix) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        }
        try (InputStream in = zip.getInputStream(entry);
             OutputStream out = Files.newOutputStream(file, StandardOpenOption.CREATE,
                     StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
            in.transferTo(out);
        }
    }

    private static void createPrivateDirectories(Path dir) throws IOException {
        if (dir == null || Files.isDirectory(dir)) {
            return;
        }
        createPrivateDirectories(dir.getParent());
        PrivateFiles.directory(dir);
    }

    /** The restore cannot go ahead; the message says why and what to do. */
    public static final class RestoreRefused extends RuntimeException {
        public RestoreRefused(String message) {
            super(message);
        }
    }
}
