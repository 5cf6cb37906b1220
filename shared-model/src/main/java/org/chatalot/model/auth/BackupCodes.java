package org.chatalot.model.auth;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Eight single-use backup codes, shown once. */
public record BackupCodes(@JsonProperty("backup_codes") List<String> backupCodes) {
}
