package org.chatalot.model.auth;

import java.util.Locale;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Who may create an account: anyone, holders of an invite, or nobody (the first owner always may). */
public enum RegistrationMode {
    @JsonProperty("open") OPEN,
    @JsonProperty("invite_only") INVITE_ONLY,
    @JsonProperty("closed") CLOSED;

    /** The value as written in configuration and on the wire. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<RegistrationMode> fromWireName(String value) {
        for (RegistrationMode mode : values()) {
            if (mode.wireName().equalsIgnoreCase(value)) {
                return Optional.of(mode);
            }
        }
        return Optional.empty();
    }
}
