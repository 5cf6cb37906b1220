package org.chatalot.server;

import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.chatalot.server.admin.StorageUsage;
import org.chatalot.server.file.FileService;

/** The admin API's view of stored files, read from the same sums the upload quota uses. */
final class FileStorageUsage implements StorageUsage {
    private final FileService files;

    FileStorageUsage(FileService files) {
        this.files = files;
    }

    @Override
    public Usage of(UUID userId) {
        return usage(files.storageOf(userId));
    }

    @Override
    public Map<UUID, Usage> byUser() {
        return files.storageByUser().entrySet().stream()
                .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, entry -> usage(entry.getValue())));
    }

    @Override
    public Usage total() {
        return usage(files.storageTotal());
    }

    private static Usage usage(org.chatalot.server.file.StorageUsage stored) {
        return new Usage(stored.files(), stored.bytes());
    }
}
