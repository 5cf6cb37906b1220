package org.chatalot.server.file;

import java.time.Instant;
import java.util.UUID;

import org.chatalot.model.file.FileInfo;

/**
 * A row of {@code stored_file}. {@code channelId} is where it was posted (null: nowhere yet), {@code messageId}
 * the message it is attached to (null: none yet).
 */
record StoredFile(UUID id, UUID uploaderId, UUID channelId, UUID messageId, String name, long sizeBytes,
                  String contentType, String sha256, Instant createdAt) {

    FileInfo info() {
        return new FileInfo(id, name, sizeBytes, contentType, sha256, createdAt);
    }

    boolean isPosted() {
        return channelId != null;
    }

    boolean isAttached() {
        return messageId != null;
    }
}
