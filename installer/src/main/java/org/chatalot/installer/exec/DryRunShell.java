package org.chatalot.installer.exec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;

import org.chatalot.installer.plan.FileMode;

/**
 * Prints each step instead of doing it: full file contents (secrets only by size, so a dry run in a
 * shared terminal or a CI log never shows a key) and each command as it would be typed.
 */
public final class DryRunShell implements Shell {
    private final Shell reader;
    private final PrintWriter out;

    /** {@code reader} answers {@link #read} so the plan can see what is already in place. */
    public DryRunShell(Shell reader, PrintWriter out) {
        this.reader = reader;
        this.out = out;
    }

    @Override
    public Optional<String> read(Path path) {
        return reader.read(path);
    }

    @Override
    public void write(Path path, String content, FileMode mode) {
        out.println("# write " + path + " (mode " + mode.octal() + ")");
        if (mode.isSecret()) {
            out.println("#   secret, " + content.length() + " characters, not shown");
            return;
        }
        out.print(content.endsWith("\n") ? content : content + "\n");
        out.println("# end of " + path.getFileName());
    }

    @Override
    public void copy(Path from, Path to) {
        out.println("$ " + Command.of("cp", "-p", from.toString(), to.toString()).display());
    }

    @Override
    public void symlink(Path link, Path target) {
        out.println("$ " + Command.of("ln", "-sfn", target.toString(), link.toString()).display());
    }

    @Override
    public void createDirectories(Path dir) {
        out.println("$ " + Command.of("mkdir", "-p", dir.toString()).display());
    }

    @Override
    public void delete(Path path) {
        out.println("$ " + Command.of("rm", "-f", path.toString()).display());
    }

    @Override
    public CommandResult run(Command command) {
        out.println("$ " + command.display());
        out.flush();
        return new CommandResult(0, "");
    }

    @Override
    public boolean isDryRun() {
        return true;
    }
}
