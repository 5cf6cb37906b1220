package org.chatalot.server.message;

import java.util.List;
import java.util.UUID;

import org.chatalot.model.channel.UnreadCount;
import org.chatalot.model.ws.ServerMessage;
import org.chatalot.server.channel.ChannelAccess;
import org.chatalot.server.channel.ChannelRepository;
import org.chatalot.server.common.EventSink;
import org.chatalot.server.common.Principal;
import org.chatalot.server.error.InvalidInput;

/** How far each member has read each channel, and what that leaves unread. */
public final class ReadCursors {
    private final ChannelRepository channels;
    private final MessageRepository messages;
    private final ChannelAccess access;
    private final EventSink events;

    public ReadCursors(ChannelRepository channels, MessageRepository messages, ChannelAccess access,
                       EventSink events) {
        this.channels = channels;
        this.messages = messages;
        this.access = access;
        this.events = events;
    }

    /** Moves the cursor forward (never back) and tells the channel, the reader's other devices included. */
    public void markRead(Principal who, UUID channelId, UUID messageId) {
        access.member(who, channelId);
        if (messageId == null) {
            throw new InvalidInput("message_id", "required");
        }
        messages.byId(messageId).filter(m -> m.channelId().equals(channelId))
                .orElseThrow(() -> new InvalidInput("message_id", "no such message in this channel"));
        if (channels.markRead(channelId, who.userId(), messageId)) {
            events.toChannel(channelId, new ServerMessage.ReadReceipt(channelId, who.userId(), messageId));
        }
    }

    public List<UnreadCount> unread(Principal who) {
        return channels.unread(who.userId());
    }
}
