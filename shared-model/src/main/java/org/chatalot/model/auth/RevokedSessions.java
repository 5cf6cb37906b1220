package org.chatalot.model.auth;

/** {@code POST /api/account/logout-others}: how many other sessions were signed out. */
public record RevokedSessions(int revoked) {
}
