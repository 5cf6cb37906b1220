/**
 * File sharing: streamed multipart uploads into {@code DATA_DIR/files} with SHA-256, size and quota limits
 * and content sniffing; downloads with ranges that are always attachments; files as message attachments;
 * and the housekeeping that removes abandoned uploads.
 */
package org.chatalot.server.file;
