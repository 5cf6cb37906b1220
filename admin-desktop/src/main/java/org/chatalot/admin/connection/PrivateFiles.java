package org.chatalot.admin.connection;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Writes files only their owner can read (600 in a 700 folder). The file is created with those permissions
 * before any byte is written and then moved into place, so a secret is never readable by others even briefly
 * and a crash never leaves half a profile list.
 */
public final class PrivateFiles {
    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

    private PrivateFiles() {
    }

    public static void write(Path file, String content) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        createPrivateDirectory(dir);
        Path temp = Files.createTempFile(dir, ".tmp-", ".part", attributes("rw-------"));
        try {
            Files.writeString(temp, content, StandardCharsets.UTF_8);
            try {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
        restrict(file, "rw-------");
    }

    /**
     * Creates an empty file only its owner can read, in whatever folder the admin chose (which is left as it is);
     * content written into it afterwards is private from the first byte.
     */
    public static Path create(Path file) throws IOException {
        Path created = Files.createFile(file, attributes("rw-------"));
        restrict(created, "rw-------");
        return created;
    }

    /**
     * Appends a line to a private file, creating it (600, in a 700 folder) the first time. A last line a crash cut
     * short is ended first, so it spoils only itself and not the line appended now.
     */
    public static void appendLine(Path file, String line) throws IOException {
        if (!Files.exists(file)) {
            createPrivateDirectory(file.toAbsolutePath().getParent());
            create(file);
        }
        String text = endsMidLine(file) ? "\n" + line + "\n" : line + "\n";
        Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    }

    private static boolean endsMidLine(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            if (size == 0) {
                return false;
            }
            ByteBuffer last = ByteBuffer.allocate(1);
            channel.read(last, size - 1);
            return last.get(0) != '\n';
        }
    }

    public static void createPrivateDirectory(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            Files.createDirectories(dir, attributes("rwx------"));
        }
        restrict(dir, "rwx------");
    }

    private static void restrict(Path path, String permissions) throws IOException {
        if (POSIX) {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(permissions));
        } else {
            path.toFile().setReadable(false, false);
            path.toFile().setReadable(true, true);
        }
    }

    private static FileAttribute<?>[] attributes(String permissions) {
        if (!POSIX) {
            return new FileAttribute<?>[0];
        }
        Set<PosixFilePermission> set = PosixFilePermissions.fromString(permissions);
        return new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(set)};
    }
}
