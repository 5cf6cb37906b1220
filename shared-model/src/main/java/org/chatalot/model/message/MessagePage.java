package org.chatalot.model.message;

import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonProperty;

/** History, newest first. Pass {@code next_before} as {@code before} for older messages; null at the start. */
public record MessagePage(List<Message> messages, @JsonProperty("next_before") UUID nextBefore) {
}
