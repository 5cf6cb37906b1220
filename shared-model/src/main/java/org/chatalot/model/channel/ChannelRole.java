package org.chatalot.model.channel;

import com.fasterxml.jackson.annotation.JsonProperty;

/** A member's role in one channel: owner > moderator > member. */
public enum ChannelRole {
    @JsonProperty("owner") OWNER(3),
    @JsonProperty("moderator") MODERATOR(2),
    @JsonProperty("member") MEMBER(1);

    private final int rank;

    ChannelRole(int rank) {
        this.rank = rank;
    }

    public boolean atLeast(ChannelRole other) {
        return rank >= other.rank;
    }

    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static ChannelRole fromWireName(String value) {
        return valueOf(value.toUpperCase(java.util.Locale.ROOT));
    }
}
