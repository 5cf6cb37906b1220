/**
 * The framework ceiling: a bare Helidon SE WebSocket broadcast server with TCP_NODELAY (every text frame goes
 * straight to every other socket, no authentication, no storage), plus {@code /health} for cold start and
 * {@code /sink} for the upload baseline. A bench-only program, started as its own process like our server.
 */
package org.chatalot.bench.ceiling;
