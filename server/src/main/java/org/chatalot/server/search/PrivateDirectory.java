package org.chatalot.server.search;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;

import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.FilterDirectory;
import org.apache.lucene.store.IOContext;
import org.apache.lucene.store.IndexOutput;

import org.chatalot.server.security.PrivateFiles;

/**
 * The index's folder, with every file it writes readable by the server's user only: the index holds the
 * words of every message, so it is as private as the database (Lucene would leave files to the umask).
 */
final class PrivateDirectory extends FilterDirectory {
    private final Path path;

    PrivateDirectory(FSDirectory directory) {
        super(directory);
        this.path = directory.getDirectory();
    }

    @Override
    public IndexOutput createOutput(String name, IOContext context) throws IOException {
        IndexOutput output = super.createOutput(name, context);
        restrict(name);
        return output;
    }

    @Override
    public IndexOutput createTempOutput(String prefix, String suffix, IOContext context) throws IOException {
        IndexOutput output = super.createTempOutput(prefix, suffix, context);
        restrict(output.getName());
        return output;
    }

    /**
     * Creates the folder, or takes an existing one back to mode 700: the folder is what keeps others out
     * between Lucene creating a file and this class narrowing its mode.
     */
    static void create(Path folder) throws IOException {
        PrivateFiles.directory(folder);
        if (Files.getFileStore(folder).supportsFileAttributeView("posix")) {
            Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwx------"));
        }
    }

    /** Deletes every file of an index that cannot be read, so a new one starts from nothing. */
    static void empty(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.toList()) {
                if (Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                    Files.delete(file);
                }
            }
        }
    }

    /** Files Lucene makes by other means (its lock). */
    void restrictAll() throws IOException {
        for (String name : listAll()) {
            restrict(name);
        }
    }

    private void restrict(String name) throws IOException {
        Path file = path.resolve(name);
        if (Files.exists(file) && Files.getFileStore(file).supportsFileAttributeView("posix")) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        }
    }
}
