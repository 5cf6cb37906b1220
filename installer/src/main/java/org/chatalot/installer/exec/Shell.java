package org.chatalot.installer.exec;

import java.nio.file.Path;
import java.util.Optional;

import org.chatalot.installer.plan.FileMode;

/** Every change the installer makes to a machine goes through here. Reads are real even in a dry run. */
public interface Shell {

    /** The file's text, or empty when it does not exist. */
    Optional<String> read(Path path);

    /** Writes atomically with exactly {@code mode}, creating parent folders. */
    void write(Path path, String content, FileMode mode);

    void copy(Path from, Path to);

    /** Points {@code link} at {@code target}, replacing an existing link. */
    void symlink(Path link, Path target);

    void createDirectories(Path dir);

    /** Removes a file or link; nothing when it is already gone. */
    void delete(Path path);

    CommandResult run(Command command);

    /** Whether the machine really changes: commands use it to tell "would" from "did". */
    boolean isDryRun();
}
