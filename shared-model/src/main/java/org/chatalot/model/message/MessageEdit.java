package org.chatalot.model.message;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonProperty;

/** A previous version of an edited message. */
public record MessageEdit(@JsonProperty("replaced_at") Instant replacedAt, String content, String encryption) {
}
