/**
 * Health: the public probes ({@code /api/health}, {@code /live}, {@code /ready}), the detailed report
 * for operators, the server's lifecycle state (started, shutting down) and its build version.
 */
package org.chatalot.server.health;
