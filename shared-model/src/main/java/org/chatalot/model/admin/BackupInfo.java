package org.chatalot.model.admin;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One backup archive under {@code DATA_DIR/backups}: {@code GET /api/admin/backups}; download at
 * {@code GET /api/admin/backups/{name}}. {@code scheduled} marks one the server took on its schedule (those are the
 * ones it prunes); {@code created_at} is the time in the name.
 */
public record BackupInfo(String name,
                         @JsonProperty("size_bytes") long sizeBytes,
                         @JsonProperty("created_at") Instant createdAt,
                         String sha256,
                         boolean scheduled) {
}
