/**
 * The loopback-only listener ({@code LOCAL_ADMIN_ADDR}): Prometheus metrics, the detailed health report
 * and the password-less admin commands for the operator of the box, authorised by a token file in
 * {@code DATA_DIR}. Nothing here is reachable on the public port.
 */
package org.chatalot.server.local;
