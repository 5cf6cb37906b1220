package org.chatalot.model.channel;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Text channels carry messages; voice channels also carry calls; DM channels join exactly two users. */
public enum ChannelKind {
    @JsonProperty("text") TEXT,
    @JsonProperty("voice") VOICE,
    @JsonProperty("dm") DM;

    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static ChannelKind fromWireName(String value) {
        return valueOf(value.toUpperCase(java.util.Locale.ROOT));
    }
}
