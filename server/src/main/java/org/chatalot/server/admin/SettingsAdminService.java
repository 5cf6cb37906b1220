package org.chatalot.server.admin;

import java.util.LinkedHashMap;
import java.util.Map;

import org.chatalot.model.admin.InstanceSettingsView;
import org.chatalot.server.audit.AuditLog;
import org.chatalot.server.audit.AuditLog.AuditEntry;
import org.chatalot.server.common.Actor;
import org.chatalot.server.error.InvalidInput;
import org.chatalot.server.settings.InstanceSettings;

/**
 * Reading and changing the run-time settings. Every value is checked before any is stored, so a PUT with
 * one bad field changes nothing.
 */
public final class SettingsAdminService {
    static final int QUOTA_MAX_MB = 1024 * 1024;
    static final int RETENTION_MAX_DAYS = 36_500;

    private final InstanceSettings settings;
    private final AuditLog audit;

    public SettingsAdminService(InstanceSettings settings, AuditLog audit) {
        this.settings = settings;
        this.audit = audit;
    }

    public InstanceSettingsView view() {
        return new InstanceSettingsView(settings.registrationMode(), settings.maxFileSizeMb(),
                settings.uploadQuotaMb(), settings.auditRetentionDays());
    }

    /** Applies the fields that are present; returns the settings as they now are. */
    public InstanceSettingsView update(Actor actor, InstanceSettingsView change) {
        InstanceSettingsView before = view();
        check(change);
        if (change.registrationMode() != null) {
            settings.setRegistrationMode(change.registrationMode());
        }
        if (change.maxFileSizeMb() != null) {
            settings.setMaxFileSizeMb(change.maxFileSizeMb());
        }
        if (change.uploadQuotaMb() != null) {
            settings.setUploadQuotaMb(change.uploadQuotaMb());
        }
        if (change.auditRetentionDays() != null) {
            settings.setAuditRetentionDays(change.auditRetentionDays());
        }
        InstanceSettingsView after = view();
        Map<String, Object> changed = differences(before, after);
        if (!changed.isEmpty()) {
            audit.record(AuditEntry.by(actor.userId(), actor.name(), "admin.settings_changed", actor.origin())
                    .target("settings", null, null).details(changed));
        }
        return after;
    }

    private void check(InstanceSettingsView change) {
        int ceiling = settings.configuredMaxFileSizeMb();
        Integer size = change.maxFileSizeMb();
        if (size != null && (size < 1 || size > ceiling)) {
            throw new InvalidInput("max_file_size_mb", "must be 1-" + ceiling + " (MAX_FILE_SIZE_MB, which also "
                    + "sizes the proxy's body limit, is the ceiling)");
        }
        Integer quota = change.uploadQuotaMb();
        if (quota != null && (quota < 0 || quota > QUOTA_MAX_MB)) {
            throw new InvalidInput("upload_quota_mb", "must be 0 (unlimited) to " + QUOTA_MAX_MB);
        }
        Integer days = change.auditRetentionDays();
        if (days != null && (days < 1 || days > RETENTION_MAX_DAYS)) {
            throw new InvalidInput("audit_retention_days", "must be 1-" + RETENTION_MAX_DAYS);
        }
    }

    private static Map<String, Object> differences(InstanceSettingsView before, InstanceSettingsView after) {
        Map<String, Object> changed = new LinkedHashMap<>();
        if (before.registrationMode() != after.registrationMode()) {
            changed.put("registration_mode", before.registrationMode().wireName() + " -> "
                    + after.registrationMode().wireName());
        }
        compare(changed, "max_file_size_mb", before.maxFileSizeMb(), after.maxFileSizeMb());
        compare(changed, "upload_quota_mb", before.uploadQuotaMb(), after.uploadQuotaMb());
        compare(changed, "audit_retention_days", before.auditRetentionDays(), after.auditRetentionDays());
        return changed;
    }

    private static void compare(Map<String, Object> changed, String name, Integer before, Integer after) {
        if (!before.equals(after)) {
            changed.put(name, before + " -> " + after);
        }
    }
}
