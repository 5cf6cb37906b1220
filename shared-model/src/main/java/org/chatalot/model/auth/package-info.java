/** Accounts and authentication: registration, login, tokens, sessions, 2FA. */
package org.chatalot.model.auth;
