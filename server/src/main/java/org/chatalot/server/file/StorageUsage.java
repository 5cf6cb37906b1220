package org.chatalot.server.file;

/** What one user's files take: the quota counts {@code bytes}. */
public record StorageUsage(long bytes, long files) {
    public static final StorageUsage NONE = new StorageUsage(0, 0);
}
