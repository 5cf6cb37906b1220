/**
 * Connection profiles and whom they trust: system CAs, a CA file, or one pinned certificate the admin approved
 * after seeing it. Builds the {@code SSLContext} every HTTPS call of the app uses; there is deliberately no mode
 * that accepts any certificate. Stores profiles and remembered sessions in the user's config directory, mode 600.
 * No JavaFX here: the CLI uses the same code.
 */
package org.chatalot.admin.connection;
