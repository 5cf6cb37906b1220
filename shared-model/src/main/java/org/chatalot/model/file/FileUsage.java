package org.chatalot.model.file;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * {@code GET /api/files/usage}: what the caller's files take and what they may upload.
 * {@code quota_bytes} is 0 when the server sets no quota.
 */
public record FileUsage(@JsonProperty("used_bytes") long usedBytes,
                        @JsonProperty("file_count") long fileCount,
                        @JsonProperty("quota_bytes") long quotaBytes,
                        @JsonProperty("max_file_bytes") long maxFileBytes) {
}
