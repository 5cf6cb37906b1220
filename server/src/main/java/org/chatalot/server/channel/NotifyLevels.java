package org.chatalot.server.channel;

import java.util.UUID;

import org.chatalot.model.channel.NotifyLevel;
import org.chatalot.model.channel.NotifySetting;
import org.chatalot.model.ws.ServerMessage;
import org.chatalot.server.common.EventSink;
import org.chatalot.server.common.Principal;

/**
 * A member's notification level per channel, kept on the server so every browser of theirs uses the same.
 * The server only stores it: clients decide what to show (a DM defaults to all, a channel to mentions). A
 * change reaches the user's other sockets at once ({@code notify_setting_changed}).
 */
public final class NotifyLevels {
    private final ChannelRepository channels;
    private final ChannelAccess access;
    private final EventSink events;

    public NotifyLevels(ChannelRepository channels, ChannelAccess access, EventSink events) {
        this.channels = channels;
        this.access = access;
        this.events = events;
    }

    public NotifySetting get(Principal who, UUID channelId) {
        access.member(who, channelId);
        return channels.notifySetting(channelId, who.userId()).orElseThrow(ChannelAccess::noSuchChannel);
    }

    /** {@code level} null goes back to the default. */
    public NotifySetting set(Principal who, UUID channelId, NotifyLevel level) {
        access.member(who, channelId);
        channels.setNotifyLevel(channelId, who.userId(), level);
        NotifySetting setting = get(who, channelId);
        events.toUser(who.userId(), new ServerMessage.NotifySettingChanged(setting));
        return setting;
    }
}
