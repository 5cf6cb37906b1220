package org.chatalot.model.auth;

/** A request that needs the current password to proceed (e.g. a new recovery code). */
public record PasswordConfirmation(String password) {
}
