/**
 * The WebSocket at {@code /ws}: authentication, the per-session event sequence and replay buffer that make
 * {@code resume} possible, fan-out that checks membership at every delivery, a bounded outbound queue per
 * socket so one slow client never stalls others, presence, typing, server pings, and the Origin check that
 * works behind a proxy.
 */
package org.chatalot.server.realtime;
