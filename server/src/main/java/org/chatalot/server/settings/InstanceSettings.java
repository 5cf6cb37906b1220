package org.chatalot.server.settings;

import java.util.Optional;

import org.chatalot.model.auth.RegistrationMode;
import org.chatalot.server.config.ServerConfig;

/**
 * Settings an admin may change while the server runs. The configured value is the default until an admin
 * sets one; the stored value then wins, across restarts. Reads go to the database each time (a primary-key
 * lookup), so a change applies at once everywhere. Features read limits here, never from the configuration,
 * or an admin's change would not reach them.
 */
public final class InstanceSettings {
    static final String REGISTRATION_MODE = "registration_mode";
    static final String MAX_FILE_SIZE_MB = "max_file_size_mb";
    static final String UPLOAD_QUOTA_MB = "upload_quota_mb";
    static final String AUDIT_RETENTION_DAYS = "audit_retention_days";
    private static final long MIB = 1024L * 1024L;

    private final InstanceSettingsRepository repository;
    private final ServerConfig.Security security;
    private final ServerConfig.Limits limits;

    public InstanceSettings(InstanceSettingsRepository repository, ServerConfig.Security security,
                            ServerConfig.Limits limits) {
        this.repository = repository;
        this.security = security;
        this.limits = limits;
    }

    public RegistrationMode registrationMode() {
        return repository.get(REGISTRATION_MODE)
                .flatMap(RegistrationMode::fromWireName)
                .orElse(security.registrationMode());
    }

    public void setRegistrationMode(RegistrationMode mode) {
        repository.put(REGISTRATION_MODE, mode.wireName());
    }

    /** Largest upload in MiB; never above MAX_FILE_SIZE_MB, which also sized the proxy and the listener. */
    public int maxFileSizeMb() {
        return Math.min(stored(MAX_FILE_SIZE_MB).orElse(limits.maxFileSizeMb()), limits.maxFileSizeMb());
    }

    public long maxFileSizeBytes() {
        return maxFileSizeMb() * MIB;
    }

    public void setMaxFileSizeMb(int megabytes) {
        repository.put(MAX_FILE_SIZE_MB, Integer.toString(megabytes));
    }

    /** Per-user upload quota in MiB; 0 means unlimited. */
    public int uploadQuotaMb() {
        return stored(UPLOAD_QUOTA_MB).orElse(limits.uploadQuotaMb());
    }

    /** Per-user upload quota in bytes; 0 means unlimited. */
    public long uploadQuotaBytes() {
        return uploadQuotaMb() * MIB;
    }

    public void setUploadQuotaMb(int megabytes) {
        repository.put(UPLOAD_QUOTA_MB, Integer.toString(megabytes));
    }

    public int auditRetentionDays() {
        return stored(AUDIT_RETENTION_DAYS).orElse(security.auditRetentionDays());
    }

    public void setAuditRetentionDays(int days) {
        repository.put(AUDIT_RETENTION_DAYS, Integer.toString(days));
    }

    /** The configured ceiling for {@link #maxFileSizeMb()}. */
    public int configuredMaxFileSizeMb() {
        return limits.maxFileSizeMb();
    }

    /** A stored number; a value that no longer parses falls back to the configuration rather than failing. */
    private Optional<Integer> stored(String name) {
        return repository.get(name).flatMap(value -> {
            try {
                return Optional.of(Integer.parseInt(value.strip()));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        });
    }
}
