package org.chatalot.server.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;

import org.chatalot.testing.TempDirs;

/**
 * A real, small filesystem (a tmpfs mounted for the test) to run the server's DATA_DIR on, so a test can
 * fill the disk for real. Mounting needs root and a sandbox that allows it: where it is refused the test is
 * skipped with the reason (also on CI, where the mechanism may simply not exist), never faked.
 */
public final class SmallDisk implements AutoCloseable {
    private static final int CHUNK = 256 * 1024;

    private final Path mountPoint;
    private final Path ballast;

    private SmallDisk(Path mountPoint) {
        this.mountPoint = mountPoint;
        this.ballast = mountPoint.resolve("ballast");
    }

    /** Mounts a tmpfs of {@code megabytes}, or skips the test saying why it cannot. */
    public static SmallDisk mount(int megabytes) {
        Path dir = TempDirs.create("chatalot-small-disk-");
        String refusal;
        try {
            Process mount = new ProcessBuilder(List.of("mount", "-t", "tmpfs", "-o", "size=" + megabytes + "m,mode=700",
                    "tmpfs", dir.toString())).redirectErrorStream(true).start();
            String output = new String(mount.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            refusal = mount.waitFor(30, TimeUnit.SECONDS) && mount.exitValue() == 0 ? null
                    : "mount -t tmpfs refused: " + output;
        } catch (IOException e) {
            refusal = "cannot run mount: " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            refusal = "interrupted";
        }
        if (refusal != null) {
            TempDirs.deleteRecursively(dir);
            Assumptions.abort("a real full disk needs a small filesystem of our own (root, mount allowed): "
                    + refusal);
        }
        return new SmallDisk(dir);
    }

    public Path path() {
        return mountPoint;
    }

    /** A directory on the small disk (the server's DATA_DIR). */
    public Path dir(String name) throws IOException {
        return Files.createDirectories(mountPoint.resolve(name));
    }

    public long free() throws IOException {
        return Files.getFileStore(mountPoint).getUsableSpace();
    }

    /** Grows the ballast file until at most {@code bytes} are free. */
    public void fillLeaving(long bytes) throws IOException {
        byte[] chunk = new byte[CHUNK];
        try (OutputStream out = Files.newOutputStream(ballast, StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
            while (free() > bytes) {
                out.write(chunk, 0, (int) Math.min(chunk.length, free() - bytes));
                out.flush();
            }
        }
    }

    /** Grows the ballast file until the disk refuses another byte. */
    public void fill() throws IOException {
        byte[] chunk = new byte[4096];
        try (OutputStream out = Files.newOutputStream(ballast, StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
            while (true) {
                out.write(chunk);
                out.flush();
            }
        } catch (IOException full) {
            if (free() > chunk.length) {
                throw full;
            }
        }
    }

    /** Gives the ballast's space back. */
    public void empty() throws IOException {
        Files.deleteIfExists(ballast);
    }

    @Override
    public void close() throws IOException, InterruptedException {
        Process umount = new ProcessBuilder(List.of("umount", "-l", mountPoint.toString())).redirectErrorStream(true)
                .start();
        umount.getInputStream().readAllBytes();
        umount.waitFor(30, TimeUnit.SECONDS);
        TempDirs.deleteRecursively(mountPoint);
    }
}
