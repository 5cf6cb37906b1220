package org.chatalot.server.db;

import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;

import org.chatalot.model.error.ErrorCodes;
import org.chatalot.server.common.CannotStart;
import org.chatalot.server.error.Unavailable;

/**
 * Free space in DATA_DIR against {@code MIN_FREE_DISK_MB}. Below it the server takes no new data: every
 * database write and every upload is refused with {@code storage_full} (503) while there is still room, so
 * the disk never fills and the database is never caught half-written by a full disk. Reads go on.
 */
public final class DiskSpace {
    /** Less than this free means the disk is full for any purpose, whatever the threshold says. */
    static final long FULL_BYTES = 4L * 1024 * 1024;
    private static final long MIB = 1024 * 1024;

    private final Path dir;
    private final long minFreeBytes;
    private final FileStore store;

    private DiskSpace(Path dir, long minFreeBytes, FileStore store) {
        this.dir = dir;
        this.minFreeBytes = minFreeBytes;
        this.store = store;
    }

    /** The filesystem of {@code dir}, or of its nearest existing parent while it does not exist yet. */
    public static DiskSpace of(Path dir, long minFreeBytes) {
        Path existing = dir.toAbsolutePath();
        while (!Files.exists(existing) && existing.getParent() != null) {
            existing = existing.getParent();
        }
        try {
            return new DiskSpace(dir, minFreeBytes, Files.getFileStore(existing));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot read the filesystem of " + dir, e);
        }
    }

    public Path dir() {
        return dir;
    }

    public long minFreeBytes() {
        return minFreeBytes;
    }

    /** Bytes free for us now (one statfs call: cheap enough for every write); 0 when it cannot be read. */
    public long usable() {
        try {
            return store.getUsableSpace();
        } catch (IOException e) {
            return 0;
        }
    }

    /** Below the threshold: writes are refused. */
    public boolean isLow() {
        return usable() < minFreeBytes;
    }

    /** So full that a write that failed most likely failed for want of space. */
    boolean isFull() {
        return usable() < Math.max(minFreeBytes, FULL_BYTES);
    }

    /** Throws {@code storage_full} unless {@code bytes} more can be written and leave the threshold free. */
    public void requireRoom(long bytes) {
        if (usable() - bytes < minFreeBytes) {
            throw storageFull();
        }
    }

    public void requireRoom() {
        requireRoom(0);
    }

    /**
     * Start-up's check, before anything is written: a server started on a full disk would fail half-way
     * through opening or migrating its database. It says so in one line instead, and the operator frees space.
     */
    public void requireRoomToStart() {
        if (isLow()) {
            throw new CannotStart("DATA_DIR has too little free space to start: " + describe() + ". Free some "
                    + "space there (or lower MIN_FREE_DISK_MB) and start again; nothing was changed.");
        }
    }

    /** What a refused write answers: 503, for the operator to act on; the client may retry later. */
    public Unavailable storageFull() {
        return new Unavailable(ErrorCodes.STORAGE_FULL, "the server's disk is nearly full, so it takes no new "
                + "messages or changes for now (reading still works); tell the operator", 60);
    }

    /** For logs and health: "12 MiB free in /var/lib/chatalot (MIN_FREE_DISK_MB is 256)". */
    public String describe() {
        return usable() / MIB + " MiB free in " + dir + " (MIN_FREE_DISK_MB is " + minFreeBytes / MIB + ")";
    }
}
