/**
 * Channels: text and voice channels, public or private, with owner/moderator/member roles; one DM channel
 * per pair of users; blocking; read cursors; and {@link org.chatalot.server.channel.Memberships}, the
 * in-memory index the realtime hub fans events out with.
 */
package org.chatalot.server.channel;
