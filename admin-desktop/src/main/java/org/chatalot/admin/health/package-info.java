/**
 * The health dashboard: polls the public and the admin health endpoints, shows status tiles and a latency chart
 * for the session, and says plainly why the server is unreachable when it is (DNS, refused, TLS, HTTP status).
 */
package org.chatalot.admin.health;
