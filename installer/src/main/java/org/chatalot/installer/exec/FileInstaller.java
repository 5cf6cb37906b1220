package org.chatalot.installer.exec;

import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
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

    /** What happened to one file, and where its previous version went. */
    public record Installed(Path path, Outcome outcome, Optional<Path> backup) {
        public boolean isChanged() {
            return outcome != Outcome.UNCHANGED;
        }

        /** One log line, e.g. {@code replaced: /etc/x (previous version kept as /etc/x.bak-…)}. */
        public String describe(boolean isDryRun) {
            return (isDryRun ? "would be " : "") + outcome.name().toLowerCase(Locale.ROOT) + ": " + path
                    + backup.map(b -> " (previous version kept as " + b + ")").orElse("");
        }
    }

    public Installed install(RenderedFile file) {
        Optional<String> existing = shell.read(file.path());
        if (existing.isPresent() && existing.get().equals(file.content())) {
            return new Installed(file.path(), Outcome.UNCHANGED, Optional.empty());
        }
        Optional<Path> backup = existing.map(old -> backupPath(file.path()));
        backup.ifPresent(path -> shell.copy(file.path(), path));
        shell.write(file.path(), file.content(), file.mode());
        return new Installed(file.path(), existing.isPresent() ? Outcome.REPLACED : Outcome.CREATED, backup);
    }

    /** Puts back what {@link #install} replaced, or removes what it created: after a failed validation. */
    public void undo(Installed installed) {
        if (installed.backup().isPresent()) {
            shell.copy(installed.backup().get(), installed.path());
        } else if (installed.outcome() == Outcome.CREATED) {
            shell.delete(installed.path());
        }
    }

    Path backupPath(Path path) {
        return path.resolveSibling(path.getFileName() + ".bak-" + STAMP.format(clock.instant()));
    }
}
