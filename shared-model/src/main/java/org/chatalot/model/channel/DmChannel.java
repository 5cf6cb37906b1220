package org.chatalot.model.channel;

import org.chatalot.model.user.PublicProfile;

/** A direct-message channel and the person on the other side. */
public record DmChannel(Channel channel, PublicProfile other) {
}
