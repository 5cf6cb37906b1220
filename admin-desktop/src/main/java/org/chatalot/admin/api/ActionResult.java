package org.chatalot.admin.api;

import java.util.Optional;

import org.chatalot.model.admin.AdminUser;

/**
 * What a user action answered: the account as it is now (absent when the server answers 204, as for signing
 * out every session) and, for a password reset, the generated password, shown once.
 */
public record ActionResult(Optional<AdminUser> user, Optional<String> temporaryPassword) {

    public static final ActionResult NO_CONTENT = new ActionResult(Optional.empty(), Optional.empty());
}
