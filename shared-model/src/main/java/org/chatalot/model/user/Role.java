package org.chatalot.model.user;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Instance role. Each role includes the powers of those after it: owner > admin > member. */
public enum Role {
    @JsonProperty("owner") OWNER(3),
    @JsonProperty("admin") ADMIN(2),
    @JsonProperty("member") MEMBER(1);

    private final int rank;

    Role(int rank) {
        this.rank = rank;
    }

    /** True when this role has at least the powers of {@code other}. */
    public boolean atLeast(Role other) {
        return rank >= other.rank;
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Role fromWireName(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
