package org.chatalot.server.admin;

import java.util.Map;
import java.util.UUID;

/**
 * How much each user has stored. Implemented by the files feature, which owns that table; the admin API
 * only reads it, so it depends on this interface and not on the files schema.
 */
public interface StorageUsage {

    /** Files and bytes one user has stored; {@link Usage#NONE} when nothing. */
    Usage of(UUID userId);

    /** Every user with at least one stored file. */
    Map<UUID, Usage> byUser();

    /** All stored files together. */
    Usage total();

    /** A number of files and their size in bytes. */
    record Usage(long files, long bytes) {
        public static final Usage NONE = new Usage(0, 0);
    }

    /** Until the files feature is wired: nobody has stored anything. */
    StorageUsage NONE = new StorageUsage() {
        @Override
        public Usage of(UUID userId) {
            return Usage.NONE;
        }

        @Override
        public Map<UUID, Usage> byUser() {
            return Map.of();
        }

        @Override
        public Usage total() {
            return Usage.NONE;
        }
    };
}
