package org.chatalot.server.file;

/**
 * The upload limits in force right now. Admins may change them while the server runs, so they are read on
 * every upload rather than kept.
 */
public interface FileLimits {

    /** Largest single file, in bytes. */
    long maxFileBytes();

    /** Bytes one user may store in all; 0 means no quota. */
    long quotaBytes();

    /** Limits that never change. */
    static FileLimits fixed(long maxFileBytes, long quotaBytes) {
        return new FileLimits() {
            @Override
            public long maxFileBytes() {
                return maxFileBytes;
            }

            @Override
            public long quotaBytes() {
                return quotaBytes;
            }
        };
    }
}
