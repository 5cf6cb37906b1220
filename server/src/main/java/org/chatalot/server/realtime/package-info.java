/**
 * The WebSocket at {@code /ws}: authentication, the per-session event sequence and replay buffer that make
 * {@code resume} possible, fan-out that checks membership at every delivery, a bounded outbound queue per
 * socket so one slow client never stalls others, presence, typing, server pings, and the Origin check that
 * works behind a proxy.
 *
 * <p>The parts, as {@code ServerGraph} connects them: {@link org.chatalot.server.realtime.Hub} is where each
 * socket plugs in (a frame goes to the {@link org.chatalot.server.realtime.Handshake} before the socket has a
 * session, to the {@link org.chatalot.server.realtime.Dispatcher} after);
 * {@link org.chatalot.server.realtime.SessionRegistry} holds the sockets and sessions;
 * {@link org.chatalot.server.realtime.Delivery} is the one way events reach sessions (the features'
 * {@code EventSink}); {@link org.chatalot.server.realtime.SessionEnds} ends sessions (resume window over, too
 * many, account signed out); {@link org.chatalot.server.realtime.Heartbeat} is the clock. Each socket is a
 * {@link org.chatalot.server.realtime.Connection} (what it receives, and its session), which sends through its
 * own {@link org.chatalot.server.realtime.SocketWriter} (the bounded queue and the writer that drains it), and
 * reads through its {@link org.chatalot.server.realtime.UpgradedConnection} (the socket itself, UTF-8 checked).
 */
package org.chatalot.server.realtime;
