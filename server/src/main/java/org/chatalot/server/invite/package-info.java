/** Invite codes: created and revoked by admins, consumed atomically by invite-only registration. */
package org.chatalot.server.invite;
