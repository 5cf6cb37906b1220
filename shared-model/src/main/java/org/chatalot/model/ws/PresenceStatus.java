package org.chatalot.model.ws;

import com.fasterxml.jackson.annotation.JsonProperty;

/** What a user shows. {@code invisible} is only ever set by a client; others see it as {@code offline}. */
public enum PresenceStatus {
    @JsonProperty("online") ONLINE,
    @JsonProperty("idle") IDLE,
    @JsonProperty("dnd") DND,
    @JsonProperty("invisible") INVISIBLE,
    @JsonProperty("offline") OFFLINE
}
