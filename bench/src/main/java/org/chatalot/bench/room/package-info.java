/**
 * What the load generator needs from a chat server to drive it: members in one room who send and receive
 * text. Our server, the bare Helidon ceiling and the XMPP servers each implement it in their own package,
 * so every fan-out figure comes from the same generator code.
 */
package org.chatalot.bench.room;
