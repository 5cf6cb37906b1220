package org.chatalot.model.file;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonProperty;

/** An uploaded file's metadata; the content is at {@code GET /api/files/{id}}. */
public record FileInfo(UUID id,
                       String name,
                       @JsonProperty("size_bytes") long sizeBytes,
                       @JsonProperty("content_type") String contentType,
                       String sha256,
                       @JsonProperty("created_at") Instant createdAt) {
}
