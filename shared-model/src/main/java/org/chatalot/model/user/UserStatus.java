package org.chatalot.model.user;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Whether an account can be used. Deleted accounts keep their content, shown as from a deleted user. */
public enum UserStatus {
    @JsonProperty("active") ACTIVE,
    @JsonProperty("suspended") SUSPENDED,
    @JsonProperty("deleted") DELETED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static UserStatus fromWireName(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
