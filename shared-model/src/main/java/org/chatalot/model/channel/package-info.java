/** Channels, their members and roles, direct-message channels and read state. */
package org.chatalot.model.channel;
