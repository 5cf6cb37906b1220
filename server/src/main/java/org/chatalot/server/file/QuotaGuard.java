package org.chatalot.server.file;

import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import java.util.function.LongSupplier;
import java.util.function.ToLongFunction;

import org.chatalot.model.file.FileErrorCodes;
import org.chatalot.server.error.PayloadTooLarge;

/**
 * Keeps every user within {@code UPLOAD_QUOTA_MB} while uploads stream in, also when one user runs several
 * at once. Stored bytes come from the database (so deletes, and rows removed by housekeeping, count at
 * once); bytes of uploads in progress are reserved here, ahead of the data, in steps. Checking and
 * reserving happen under the user's lock, and an upload's row is inserted under it too, so its bytes move
 * from "reserved" to "stored" in one step and are never counted twice or not at all.
 */
final class QuotaGuard {
    private static final int STRIPES = 64;
    private static final long MAX_STEP = 4L * 1024 * 1024;

    private final LongSupplier quotaBytes;
    private final ToLongFunction<UUID> storedBytes;
    private final ReentrantLock[] locks = new ReentrantLock[STRIPES];
    private final ConcurrentHashMap<UUID, Long> reservedByUser = new ConcurrentHashMap<>();

    /** {@code quotaBytes} gives the quota in force (0 means unlimited); it may change between uploads. */
    QuotaGuard(LongSupplier quotaBytes, ToLongFunction<UUID> storedBytes) {
        this.quotaBytes = quotaBytes;
        this.storedBytes = storedBytes;
        for (int i = 0; i < STRIPES; i++) {
            locks[i] = new ReentrantLock();
        }
    }

    Ticket open(UUID userId) {
        return new Ticket(userId);
    }

    /** Bytes reserved by uploads in progress (for tests and diagnostics). */
    long reservedBy(UUID userId) {
        return reservedByUser.getOrDefault(userId, 0L);
    }

    private <T> T locked(UUID userId, Supplier<T> work) {
        ReentrantLock lock = locks[Math.floorMod(userId.hashCode(), STRIPES)];
        lock.lock();
        try {
            return work.get();
        } finally {
            lock.unlock();
        }
    }

    private static PayloadTooLarge overQuota(long quota) {
        return new PayloadTooLarge(FileErrorCodes.QUOTA_EXCEEDED, "file: storing it would exceed your upload quota of "
                + quota / (1024 * 1024) + " MiB; delete some of your files first");
    }

    /** One upload's reservation; closing it gives back whatever was not committed. */
    final class Ticket implements AutoCloseable {
        private final UUID userId;
        private final long quota;
        private final long step;
        private long reserved;
        private boolean settled;

        private Ticket(UUID userId) {
            this.userId = userId;
            this.quota = quotaBytes.getAsLong();
            this.step = Math.max(64 * 1024, Math.min(MAX_STEP, quota / 8));
        }

        /** Makes sure at least {@code total} bytes are reserved for this upload; throws when over quota. */
        void ensure(long total) {
            if (quota == 0 || total <= reserved) {
                return;
            }
            locked(userId, () -> {
                long others = reservedBy(userId) - reserved;
                long available = quota - storedBytes.applyAsLong(userId) - others;
                if (total > available) {
                    throw overQuota(quota);
                }
                long grant = Math.min(available, total + step);
                reservedByUser.merge(userId, grant - reserved, Long::sum);
                reserved = grant;
                return null;
            });
        }

        /** Runs {@code store} (which makes {@code size} bytes count as stored) after a last check, atomically. */
        <T> T commit(long size, Supplier<T> store) {
            ensure(size);
            return locked(userId, () -> {
                T result = store.get();
                release();
                return result;
            });
        }

        @Override
        public void close() {
            if (!settled && reserved > 0) {
                locked(userId, () -> {
                    release();
                    return null;
                });
            }
            settled = true;
        }

        private void release() {
            reservedByUser.compute(userId, (id, value) -> value == null || value - reserved <= 0 ? null
                    : value - reserved);
            reserved = 0;
            settled = true;
        }
    }
}
