package org.chatalot.model.admin;

import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Body of destructive admin actions (suspend, delete, reset password, reset 2FA, revoke sessions, role
 * changes): the target's id repeated, so a mistyped URL cannot act on the wrong account. {@code reason} is
 * shown to a suspended user and kept in the audit log.
 */
public record TargetConfirmation(@JsonProperty("confirm_user_id") UUID confirmUserId, String reason) {
}
