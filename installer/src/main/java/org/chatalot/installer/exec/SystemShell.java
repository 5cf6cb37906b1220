package org.chatalot.installer.exec;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.chatalot.installer.plan.FileMode;

/** The real machine. A secret is created owner-only before its content is written, never chmod-ed after. */
public final class SystemShell implements Shell {
    private final Duration commandTimeout;

    public SystemShell(Duration commandTimeout) {
        this.commandTimeout = commandTimeout;
    }

    @Override
    public Optional<String> read(Path path) {
        try {
            return Files.isRegularFile(path) ? Optional.of(Files.readString(path, StandardCharsets.UTF_8))
                    : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
    }

    @Override
    public void write(Path path, String content, FileMode mode) {
        try {
            Path dir = path.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path temp = Files.createTempFile(dir, "." + path.getFileName(), ".tmp",
                    PosixFilePermissions.asFileAttribute(mode.permissions()));
            Files.writeString(temp, content, StandardCharsets.UTF_8);
            Files.setPosixFilePermissions(temp, mode.permissions());
            Files.move(temp, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + path, e);
        }
    }

    @Override
    public void copy(Path from, Path to) {
        try {
            Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy " + from + " to " + to, e);
        }
    }

    @Override
    public void symlink(Path link, Path target) {
        try {
            Files.createDirectories(link.toAbsolutePath().getParent());
            Files.deleteIfExists(link);
            Files.createSymbolicLink(link, target);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot link " + link + " to " + target, e);
        }
    }

    @Override
    public void createDirectories(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dir, e);
        }
    }

    @Override
    public void delete(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + path, e);
        }
    }

    @Override
    public CommandResult run(Command command) {
        try {
            ProcessBuilder builder = new ProcessBuilder(command.argv()).redirectErrorStream(true);
            builder.environment().putAll(command.environment());
            Process process = builder.start();
            process.getOutputStream().close();
            byte[] output = process.getInputStream().readAllBytes();
            if (!process.waitFor(commandTimeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                return new CommandResult(124, "timed out after " + commandTimeout.toSeconds() + " s");
            }
            return new CommandResult(process.exitValue(), new String(output, StandardCharsets.UTF_8));
        } catch (IOException e) {
            return new CommandResult(CommandResult.NOT_FOUND, command.argv().get(0) + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new CommandResult(130, "interrupted");
        }
    }

    @Override
    public boolean isDryRun() {
        return false;
    }
}
