package org.chatalot.model.admin;

import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonProperty;

/** A page of audit entries, newest first; pass {@code next_before} as {@code before} for the next page. */
public record AuditPage(List<AuditEvent> entries, @JsonProperty("next_before") UUID nextBefore) {
}
