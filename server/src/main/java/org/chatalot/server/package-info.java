/**
 * The Chatalot server: {@link org.chatalot.server.Main} reads the configuration and starts a
 * {@link org.chatalot.server.ChatServer}, which builds the whole object graph explicitly. Each sub-package
 * owns one feature (its API, service and repository) or one piece of shared plumbing.
 */
package org.chatalot.server;
