package org.chatalot.server.channel;

import java.util.UUID;

import org.chatalot.model.channel.NotifyLevel;
import org.chatalot.model.channel.NotifySetting;
import org.chatalot.server.common.Principal;

/**
 * A member's notification level per channel, kept on the server so every browser of theirs uses the same.
 * The server only stores it: clients decide what to show (a DM defaults to all, a channel to mentions).
 */
public final class NotifyLevels {
    private final ChannelRepository channels;
    private final ChannelAccess access;

    public NotifyLevels(ChannelRepository channels, ChannelAccess access) {
        this.channels = channels;
        this.access = access;
    }

    public NotifySetting get(Principal who, UUID channelId) {
        access.member(who, channelId);
        return channels.notifySetting(channelId, who.userId()).orElseThrow(ChannelAccess::noSuchChannel);
    }

    /** {@code level} null goes back to the default. */
    public NotifySetting set(Principal who, UUID channelId, NotifyLevel level) {
        access.member(who, channelId);
        channels.setNotifyLevel(channelId, who.userId(), level);
        return get(who, channelId);
    }
}
