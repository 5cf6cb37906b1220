package org.chatalot.server.search;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.FilterDirectory;
import org.apache.lucene.store.IOContext;
import org.apache.lucene.store.IndexOutput;

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
