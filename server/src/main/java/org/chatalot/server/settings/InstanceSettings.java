package org.chatalot.server.settings;

import org.chatalot.model.auth.RegistrationMode;
import org.chatalot.server.config.ServerConfig;

/**
 * Settings an admin may change while the server runs. The configured value is the default until an admin
 * sets one; the stored value then wins, across restarts. Reads go to the database each time (a primary-key
 * lookup), so a change applies at once everywhere.
 */
public final class InstanceSettings {
    static final String REGISTRATION_MODE = "registration_mode";

    private final InstanceSettingsRepository repository;
    private final ServerConfig.Security defaults;

    public InstanceSettings(InstanceSettingsRepository repository, ServerConfig.Security defaults) {
        this.repository = repository;
        this.defaults = defaults;
    }

    public RegistrationMode registrationMode() {
        return repository.get(REGISTRATION_MODE)
                .flatMap(RegistrationMode::fromWireName)
                .orElse(defaults.registrationMode());
    }

    public void setRegistrationMode(RegistrationMode mode) {
        repository.put(REGISTRATION_MODE, mode.wireName());
    }
}
