package org.chatalot.server.channel;

import java.util.UUID;

import org.chatalot.model.channel.Channel;
import org.chatalot.model.channel.ChannelKind;
import org.chatalot.model.channel.ChannelRole;
import org.chatalot.model.channel.Visibility;
import org.chatalot.server.common.Principal;
import org.chatalot.server.error.Forbidden;
import org.chatalot.server.error.InvalidInput;
import org.chatalot.server.error.NotFound;
import org.chatalot.server.user.User;
import org.chatalot.server.user.UserRepository;

/** Who may see, post in, and moderate a channel: the checks every channel and message operation starts with. */
public final class ChannelAccess {
    private final ChannelRepository channels;
    private final ChannelIndex index;
    private final Memberships memberships;
    private final UserRepository users;

    public ChannelAccess(ChannelRepository channels, ChannelIndex index, Memberships memberships,
                         UserRepository users) {
        this.channels = channels;
        this.index = index;
        this.memberships = memberships;
        this.users = users;
    }

    /** Public channels are visible to all; private channels and DMs only to members (others get 404). */
    public Channel visible(Principal who, UUID channelId) {
        Channel channel = channels.byId(channelId).orElseThrow(ChannelAccess::noSuchChannel);
        boolean open = channel.visibility() == Visibility.PUBLIC && channel.kind() != ChannelKind.DM;
        if (!open && !memberships.isMember(channelId, who.userId())) {
            throw noSuchChannel();
        }
        return channel;
    }

    /** The caller must be a member (a public channel's non-member is told to join). */
    public Channel member(Principal who, UUID channelId) {
        Channel channel = visible(who, channelId);
        if (!memberships.isMember(channelId, who.userId())) {
            throw new Forbidden("not_member", "join the channel first");
        }
        return channel;
    }

    /** Moderator or owner of the channel, or an instance admin. */
    public Channel moderate(Principal who, UUID channelId) {
        Channel channel = visible(who, channelId);
        if (who.isAdmin()) {
            return channel;
        }
        ChannelRole role = channels.role(channelId, who.userId())
                .orElseThrow(() -> new Forbidden("not_member", "join the channel first"));
        if (!role.atLeast(ChannelRole.MODERATOR)) {
            throw new Forbidden("this needs the channel's moderator or owner role");
        }
        return channel;
    }

    /**
     * A member who may post: the channel must not be archived. Answered from the in-memory indexes, without
     * a query, because every message asks; the same answers, and the same errors, as {@link #member}.
     */
    public ChannelIndex.Entry postable(Principal who, UUID channelId) {
        if (channelId == null) {
            throw noSuchChannel();
        }
        ChannelIndex.Entry channel = index.get(channelId).orElseThrow(ChannelAccess::noSuchChannel);
        boolean isMember = memberships.isMember(channelId, who.userId());
        if (!isMember && !channel.isOpenToAll()) {
            throw noSuchChannel();
        }
        if (!isMember) {
            throw new Forbidden("not_member", "join the channel first");
        }
        requireWritable(channel);
        return channel;
    }

    /**
     * An archived channel is read-only: no message, file, name or topic in it changes until it is unarchived.
     * Whoever is allowed to make the change otherwise (sender, uploader, moderator, admin) is refused alike.
     */
    public void requireWritable(UUID channelId) {
        index.get(channelId).ifPresent(ChannelAccess::requireWritable);
    }

    private static void requireWritable(ChannelIndex.Entry channel) {
        if (channel.isArchived()) {
            throw new Forbidden("channel_archived", "this channel is archived (read-only)");
        }
    }

    /** {@link #postable}, for callers that need the whole channel row. */
    public Channel poster(Principal who, UUID channelId) {
        postable(who, channelId);
        return channels.byId(channelId).orElseThrow(ChannelAccess::noSuchChannel);
    }

    public boolean isModerator(Principal who, UUID channelId) {
        return who.isAdmin() || channels.role(channelId, who.userId())
                .filter(role -> role.atLeast(ChannelRole.MODERATOR)).isPresent();
    }

    public User requireActiveUser(UUID userId) {
        if (userId == null) {
            throw new InvalidInput("user_id", "required");
        }
        return users.byId(userId).filter(User::isActive).orElseThrow(() -> new NotFound("no such user"));
    }

    static NotFound noSuchChannel() {
        return new NotFound("no such channel");
    }
}
