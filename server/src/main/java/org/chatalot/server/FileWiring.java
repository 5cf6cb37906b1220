package org.chatalot.server;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.chatalot.server.admin.StorageUsage;
import org.chatalot.server.channel.ChannelAccess;
import org.chatalot.server.channel.Memberships;
import org.chatalot.server.config.ServerConfig;
import org.chatalot.server.db.Ids;
import org.chatalot.server.db.Sql;
import org.chatalot.server.file.FileApi;
import org.chatalot.server.file.FileAttachments;
import org.chatalot.server.file.FileLimits;
import org.chatalot.server.file.FileRepository;
import org.chatalot.server.file.FileService;
import org.chatalot.server.file.FileStore;
import org.chatalot.server.file.FileSweeper;
import org.chatalot.server.file.Uploads;
import org.chatalot.server.http.Access;
import org.chatalot.server.http.ErrorResponses;
import org.chatalot.server.http.Json;
import org.chatalot.server.http.RateLimiter;
import org.chatalot.server.maintenance.Housekeeping;
import org.chatalot.server.settings.InstanceSettings;

/**
 * The files part of the object graph: uploads and downloads, the attachments messages use, the clean-up
 * jobs, and the storage figures the admin API reads. Kept apart from {@link ServerGraph} so that file stays
 * readable.
 */
final class FileWiring {

    private FileWiring() {
    }

    /** The rest of the graph the file feature uses. */
    record Context(ServerConfig config, Clock clock, Sql sql, Json json, ErrorResponses errors,
                   Housekeeping housekeeping, Access access, Ids ids, InstanceSettings settings) {
    }

    /** What the file feature gives the rest. */
    record Files(FileApi api, FileService service, FileAttachments attachments, StorageUsage storage) {
    }

    static Files build(Context c, ChannelAccess channels, Memberships memberships) {
        var limits = limits(c.settings());
        var repository = new FileRepository(c.sql());
        var store = new FileStore(c.config().storage().filesDir()).prepare();
        var uploads = new Uploads(repository, store, channels, c.ids(), c.clock(), limits,
                c.config().storage().minFreeDiskBytes());
        var service = new FileService(repository, store, channels, memberships, limits);
        var sweeper = new FileSweeper(repository, store, c.clock());
        c.housekeeping().every(Duration.ofHours(1), Duration.ofMinutes(3), "abandoned uploads",
                sweeper::removeAbandoned);
        c.housekeeping().every(Duration.ofDays(1), Duration.ofMinutes(10), "stray stored files",
                sweeper::removeStrays);
        var api = new FileApi(uploads, service, c.access(), c.json(), c.errors(),
                new RateLimiter(c.config().limits().uploads()));
        return new Files(api, service, new FileAttachments(repository, c.clock()), new Storage(service));
    }

    /** The upload limits admins may change at run time (read on every upload), capped by the configuration. */
    private static FileLimits limits(InstanceSettings settings) {
        return new FileLimits() {
            @Override
            public long maxFileBytes() {
                return settings.maxFileSizeBytes();
            }

            @Override
            public long quotaBytes() {
                return settings.uploadQuotaBytes();
            }
        };
    }

    /** The admin API's view of stored files, read from the same sums the upload quota uses. */
    private record Storage(FileService files) implements StorageUsage {
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
}
