/**
 * Channels: text and voice channels, public or private, with owner/moderator/member roles; one DM channel
 * per pair of users; blocking; read cursors; {@link org.chatalot.server.channel.Memberships}, the
 * in-memory index the realtime hub fans events out with; and {@link org.chatalot.server.channel.ChannelIndex},
 * the in-memory state every post is checked against.
 */
package org.chatalot.server.channel;
