package org.chatalot.model.admin;

import com.fasterxml.jackson.annotation.JsonProperty;

import org.chatalot.model.auth.RegistrationMode;

/**
 * {@code GET/PUT /api/admin/settings}: what admins may change while the server runs. On PUT, fields left out
 * stay as they are.
 */
public record InstanceSettingsView(@JsonProperty("registration_mode") RegistrationMode registrationMode,
                                   @JsonProperty("max_file_size_mb") Integer maxFileSizeMb,
                                   @JsonProperty("upload_quota_mb") Integer uploadQuotaMb,
                                   @JsonProperty("audit_retention_days") Integer auditRetentionDays) {
}
