/** Prometheus metrics: one registry built at start, JVM meters, and the HTTP request timer. */
package org.chatalot.server.metrics;
