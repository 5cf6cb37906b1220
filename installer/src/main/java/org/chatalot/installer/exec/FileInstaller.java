package org.chatalot.installer.exec;

import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

import org.chatalot.installer.plan.RenderedFile;

/**
 * Writes rendered files idempotently: an identical file is left alone (so a re-run changes nothing and
 * reloads nothing), a different one is first copied to {@code NAME.bak-TIMESTAMP}.
 */
public final class FileInstaller {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
            .withZone(ZoneOffset.UTC);
    private final Shell shell;
    private final Clock clock;

    public FileInstaller(Shell shell, Clock clock) {
        this.shell = shell;
        this.clock = clock;
    }

    public enum Outcome { CREATED, REPLACED, UNCHANGED }

    public Outcome install(RenderedFile file) {
        Optional<String> existing = shell.read(file.path());
        if (existing.isPresent() && existing.get().equals(file.content())) {
            return Outcome.UNCHANGED;
        }
        if (existing.isPresent()) {
            shell.copy(file.path(), backupPath(file.path()));
        }
        shell.write(file.path(), file.content(), file.mode());
        return existing.isPresent() ? Outcome.REPLACED : Outcome.CREATED;
    }

    Path backupPath(Path path) {
        return path.resolveSibling(path.getFileName() + ".bak-" + STAMP.format(clock.instant()));
    }
}
