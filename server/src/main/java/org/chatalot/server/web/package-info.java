/**
 * The browser client: its files (from the {@code web-client} jar) held in memory, compressed and hashed once
 * at start-up, served under a versioned path with long-lived caching, and the one HTML page that loads them
 * at {@code /} and at every deep link.
 */
package org.chatalot.server.web;
