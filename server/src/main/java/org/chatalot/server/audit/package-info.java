/**
 * The audit log: who did what to whom, from where, and when. Every security event and every admin action
 * is written through {@link org.chatalot.server.audit.AuditLog}.
 */
package org.chatalot.server.audit;
