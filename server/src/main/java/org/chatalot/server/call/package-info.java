/**
 * Voice and video calls, signaling only: who is in each voice channel's call, the rules for joining it, the
 * relay of WebRTC offers, answers and ICE candidates between participants of the same call, and the ICE
 * configuration (with per-user TURN credentials) clients use. Media flows peer to peer and never through the
 * server. Call state lives in memory only. This package reaches the WebSocket layer through {@link
 * org.chatalot.server.common.EventSink} and {@link org.chatalot.server.call.Sockets}, never directly.
 */
package org.chatalot.server.call;
