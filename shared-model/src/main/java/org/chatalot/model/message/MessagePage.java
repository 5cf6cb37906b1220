package org.chatalot.model.message;

import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A page of history, newest first. Pass {@code next_before} as {@code before} for older messages (null when
 * this page reaches the start of the channel) and {@code next_after} as {@code after} for newer ones (null
 * when this page reaches the newest message).
 */
public record MessagePage(List<Message> messages, @JsonProperty("next_before") UUID nextBefore,
                          @JsonProperty("next_after") UUID nextAfter) {
}
