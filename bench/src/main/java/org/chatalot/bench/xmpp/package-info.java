/**
 * The servers a self-hoster would pick instead, Prosody and ejabberd from Debian, each run as our own
 * process on loopback from a temporary folder with our own configuration, and a small XMPP-over-WebSocket
 * client (RFC 7395 framing, in-band registration, SASL PLAIN, bind, MUC join, groupchat) written as plain
 * XML strings on the JDK WebSocket client.
 */
package org.chatalot.bench.xmpp;
