/**
 * The loopback-only listener ({@code LOCAL_ADMIN_ADDR}): Prometheus metrics, the detailed health report
 * and, later, password-less admin commands for the operator of the box. Nothing here is reachable on the
 * public port.
 */
package org.chatalot.server.local;
