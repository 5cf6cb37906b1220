package org.chatalot.model.channel;

import com.fasterxml.jackson.annotation.JsonProperty;

/** When a member wants to be told of a channel's new messages: every one, those mentioning them, or none. */
public enum NotifyLevel {
    @JsonProperty("all") ALL,
    @JsonProperty("mentions") MENTIONS,
    @JsonProperty("nothing") NOTHING;

    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static NotifyLevel fromWireName(String value) {
        return valueOf(value.toUpperCase(java.util.Locale.ROOT));
    }

    /** What applies until the member chooses: every message in a DM, mentions in a channel. */
    public static NotifyLevel defaultFor(ChannelKind kind) {
        return kind == ChannelKind.DM ? ALL : MENTIONS;
    }
}
