package org.chatalot.server.file;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Stream;

import org.chatalot.server.security.PrivateFiles;

/**
 * The files on disk under {@code DATA_DIR/files}: {@code <last two hex digits of the id>/<id>}, so a path
 * never contains anything a client chose, and uploads in progress in {@code .incoming/} on the same file
 * system, so keeping one is an atomic rename. Files are mode 600 and folders 700.
 */
public final class FileStore {
    private static final System.Logger LOG = System.getLogger(FileStore.class.getName());
    private static final String INCOMING = ".incoming";
    private static final String PART_SUFFIX = ".part";

    private final Path root;
    private final Path incoming;

    public FileStore(Path filesDir) {
        this.root = filesDir.toAbsolutePath().normalize();
        this.incoming = root.resolve(INCOMING);
    }

    /** Creates the folders; the server calls this once at start. */
    public FileStore prepare() {
        try {
            PrivateFiles.directory(root);
            PrivateFiles.directory(incoming);
        } catch (IOException e) {
            throw new IllegalStateException("cannot create " + incoming + ": " + e.getMessage(), e);
        }
        return this;
    }

    Path pathOf(UUID id) {
        String name = id.toString();
        return root.resolve(name.substring(name.length() - 2)).resolve(name);
    }

    /** A new, empty, owner-only file for an upload in progress. */
    Path createIncoming(UUID id) throws IOException {
        return PrivateFiles.newFile(incoming.resolve(id + PART_SUFFIX));
    }

    /** Moves a complete upload (already flushed to disk) to its place and makes the rename durable. */
    void keep(Path temp, UUID id) throws IOException {
        Path target = pathOf(id);
        Path dir = PrivateFiles.directory(target.getParent());
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
        syncDirectory(dir);
    }

    /** Removes a stored file; a failure is logged and left for the stray-file sweep. */
    boolean remove(UUID id) {
        try {
            return Files.deleteIfExists(pathOf(id));
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "Could not remove stored file " + id + ": " + e.getMessage());
            return false;
        }
    }

    void discard(Path temp) {
        try {
            Files.deleteIfExists(temp);
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "Could not remove upload in progress " + temp + ": " + e.getMessage());
        }
    }

    long usableSpace() throws IOException {
        return Files.getFileStore(root).getUsableSpace();
    }

    /** Removes uploads in progress not written to since {@code cutoff}: left behind by a crash. */
    long removeIncomingOlderThan(Instant cutoff) {
        long removed = 0;
        try (DirectoryStream<Path> parts = Files.newDirectoryStream(incoming, "*" + PART_SUFFIX)) {
            for (Path part : parts) {
                if (isOlderThan(part, cutoff) && Files.deleteIfExists(part)) {
                    removed++;
                }
            }
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "Could not sweep " + incoming + ": " + e.getMessage());
        }
        return removed;
    }

    /**
     * Removes stored files older than {@code cutoff} that {@code isKnown} says have no row: a crash between
     * the rename and the insert, or a delete whose file removal failed.
     */
    long removeStrays(Instant cutoff, Predicate<UUID> isKnown) {
        long removed = 0;
        try (Stream<Path> files = Files.walk(root, 2)) {
            for (Path file : (Iterable<Path>) files.filter(FileStore::isStoredFileName)::iterator) {
                UUID id = UUID.fromString(file.getFileName().toString());
                if (file.getParent().getParent().equals(root) && isOlderThan(file, cutoff) && !isKnown.test(id)
                        && Files.deleteIfExists(file)) {
                    removed++;
                }
            }
        } catch (IOException | java.io.UncheckedIOException e) {
            LOG.log(System.Logger.Level.WARNING, "Could not sweep " + root + ": " + e.getMessage());
        }
        return removed;
    }

    private static boolean isStoredFileName(Path file) {
        String name = file.getFileName().toString();
        if (name.length() != 36 || !Files.isRegularFile(file)) {
            return false;
        }
        try {
            return UUID.fromString(name).toString().equals(name);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static boolean isOlderThan(Path file, Instant cutoff) throws IOException {
        return Files.getLastModifiedTime(file).toInstant().isBefore(cutoff);
    }

    /** fsync of the folder, so the rename survives a power cut; not every platform allows it. */
    private static void syncDirectory(Path dir) {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            LOG.log(System.Logger.Level.DEBUG, "Cannot sync folder " + dir + ": " + e.getMessage());
        }
    }
}
