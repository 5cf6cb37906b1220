package org.chatalot.model.channel;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Public channels can be found and joined by anyone; private ones only entered when a member adds you. */
public enum Visibility {
    @JsonProperty("public") PUBLIC,
    @JsonProperty("private") PRIVATE;

    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static Visibility fromWireName(String value) {
        return valueOf(value.toUpperCase(java.util.Locale.ROOT));
    }
}
