/** The admin API's bodies: users, invites, audit log, settings, diagnostics. */
package org.chatalot.model.admin;
