/**
 * Key material the server signs and encrypts with: the Ed25519 JWT key pair and the TOTP encryption key,
 * loaded from the configured paths or generated into {@code DATA_DIR/keys} (mode 600) on first start.
 * Also the helpers for writing owner-only files.
 */
package org.chatalot.server.security;
