/** Periodic housekeeping: pruning expired sessions, old lockouts, old audit entries and orphaned files. */
package org.chatalot.server.maintenance;
