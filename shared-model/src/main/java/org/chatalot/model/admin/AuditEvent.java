package org.chatalot.model.admin;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonProperty;

/** One audit log entry: who did what to whom, from where, when. */
public record AuditEvent(UUID id,
                         Instant at,
                         @JsonProperty("actor_id") UUID actorId,
                         @JsonProperty("actor_name") String actorName,
                         String action,
                         @JsonProperty("target_type") String targetType,
                         @JsonProperty("target_id") String targetId,
                         @JsonProperty("target_name") String targetName,
                         String ip,
                         @JsonProperty("user_agent") String userAgent,
                         Map<String, Object> details) {
}
