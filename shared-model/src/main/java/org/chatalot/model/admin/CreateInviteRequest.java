package org.chatalot.model.admin;

import com.fasterxml.jackson.annotation.JsonProperty;

/** {@code POST /api/admin/invites}: both limits are optional (unlimited uses, never expires). */
public record CreateInviteRequest(@JsonProperty("max_uses") Integer maxUses,
                                  @JsonProperty("expires_in_hours") Integer expiresInHours) {
}
