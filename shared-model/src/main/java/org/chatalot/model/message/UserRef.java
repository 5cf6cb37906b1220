package org.chatalot.model.message;

import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Who sent something, as shown beside it. */
public record UserRef(UUID id, String username, @JsonProperty("display_name") String displayName) {
}
