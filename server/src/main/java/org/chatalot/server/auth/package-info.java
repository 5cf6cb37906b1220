/**
 * Authentication: registration (with invites and the first-owner setup code), login with optional TOTP,
 * Argon2id password hashing on a bounded pool, Ed25519-signed access tokens, rotating refresh tokens with
 * reuse detection, lockout, recovery codes, and the account-state cache that makes suspension immediate.
 */
package org.chatalot.server.auth;
