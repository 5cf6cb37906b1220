package org.chatalot.server.file;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.helidon.dbclient.DbRow;

import org.chatalot.server.db.Rows;
import org.chatalot.server.db.Sql;

/** Rows of {@code stored_file}. */
public final class FileRepository {
    private final Sql sql;

    public FileRepository(Sql sql) {
        this.sql = sql;
    }

    void insert(StoredFile file) {
        sql.update("file-insert", file.id(), file.uploaderId(), file.channelId(), file.name(), file.sizeBytes(),
                file.contentType(), file.sha256(), file.createdAt());
    }

    Optional<StoredFile> byId(UUID id) {
        return sql.one("file-by-id", FileRepository::map, id);
    }

    boolean exists(UUID id) {
        return sql.one("file-exists", row -> Rows.longValue(row, "CNT"), id).orElse(0L) > 0;
    }

    boolean delete(UUID id) {
        return sql.update("file-delete", id) == 1;
    }

    StorageUsage usageOf(UUID userId) {
        return sql.one("file-usage-of", FileRepository::usage, userId).orElse(StorageUsage.NONE);
    }

    StorageUsage usageTotal() {
        return sql.one("file-usage-total", FileRepository::usage).orElse(StorageUsage.NONE);
    }

    Map<UUID, StorageUsage> usageByUser() {
        Map<UUID, StorageUsage> byUser = new LinkedHashMap<>();
        sql.list("file-usage-by-user", row -> Map.entry(Rows.uuid(row, "UPLOADER_ID"), usage(row)))
                .forEach(entry -> byUser.put(entry.getKey(), entry.getValue()));
        return byUser;
    }

    /** Attaches the file to the message; false when it is attached already, gone, or posted in another channel. */
    boolean bind(Sql.Tx tx, UUID fileId, UUID messageId, UUID channelId, Instant at, int order) {
        return tx.update("file-bind", messageId, channelId, at, order, fileId, channelId) == 1;
    }

    /** The files attached to these messages, each message's in the order its sender listed them. */
    List<StoredFile> forMessages(List<UUID> messageIds) {
        return sql.list("file-for-messages", FileRepository::map, (Object) messageIds.toArray(new UUID[0]));
    }

    List<UUID> unattachedBefore(Instant cutoff, int limit) {
        return sql.list("file-unattached-before", row -> Rows.uuid(row, "ID"), cutoff, limit);
    }

    /** Deletes the row only if the file is still unattached (a message may have taken it meanwhile). */
    boolean deleteUnattached(UUID id) {
        return sql.update("file-delete-unattached", id) == 1;
    }

    List<UUID> inDeletedChannels(int limit) {
        return sql.list("file-in-deleted-channels", row -> Rows.uuid(row, "ID"), limit);
    }

    private static StorageUsage usage(DbRow row) {
        return new StorageUsage(Rows.longValue(row, "TOTAL"), Rows.longValue(row, "CNT"));
    }

    private static StoredFile map(DbRow row) {
        return new StoredFile(Rows.uuid(row, "ID"), Rows.uuid(row, "UPLOADER_ID"), Rows.uuid(row, "CHANNEL_ID"),
                Rows.uuid(row, "MESSAGE_ID"), Rows.string(row, "NAME"), Rows.longValue(row, "SIZE_BYTES"),
                Rows.string(row, "CONTENT_TYPE"), Rows.string(row, "SHA256"), Rows.instant(row, "CREATED_AT"));
    }
}
