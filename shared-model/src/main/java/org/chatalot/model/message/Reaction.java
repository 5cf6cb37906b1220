package org.chatalot.model.message;

import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonProperty;

/** One emoji on a message and who put it there. */
public record Reaction(String emoji, @JsonProperty("user_ids") List<UUID> userIds) {
}
