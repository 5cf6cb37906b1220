/**
 * The server watching itself: on a schedule it opens its own PUBLIC_URL as a browser would (through DNS or a
 * configured address, the proxy and its certificate, verified, never bypassed) and asks {@code /api/health}
 * back through the proxy. The result is part of the detailed health report, Prometheus gauges and the log, so an
 * admin learns of a certificate about to expire or a broken front while no admin app is open.
 */
package org.chatalot.server.selfcheck;
