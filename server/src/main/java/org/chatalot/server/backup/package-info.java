/**
 * Backups: an online, consistent copy of the database plus the uploaded files and the server's keys, as
 * one zip archive under {@code DATA_DIR/backups}; and restoring one into a stopped server's data directory.
 */
package org.chatalot.server.backup;
