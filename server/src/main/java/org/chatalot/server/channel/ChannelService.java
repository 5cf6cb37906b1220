package org.chatalot.server.channel;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.chatalot.model.channel.Channel;
import org.chatalot.model.channel.ChannelKind;
import org.chatalot.model.channel.ChannelMember;
import org.chatalot.model.channel.ChannelRole;
import org.chatalot.model.channel.CreateChannelRequest;
import org.chatalot.model.channel.UpdateChannelRequest;
import org.chatalot.model.channel.Visibility;
import org.chatalot.model.ws.ServerMessage;
import org.chatalot.server.common.EventSink;
import org.chatalot.server.common.Principal;
import org.chatalot.server.db.Ids;
import org.chatalot.server.db.Sql;
import org.chatalot.server.error.Conflict;
import org.chatalot.server.error.Forbidden;
import org.chatalot.server.error.InvalidInput;
import org.chatalot.server.error.NotFound;

/**
 * Channels and their members. Private channels and DMs are invisible to non-members (404, not 403, so
 * their existence does not leak). Instance admins may moderate any channel they can see.
 */
public final class ChannelService {
    private final Sql sql;
    private final ChannelRepository channels;
    private final ChannelIndex index;
    private final Memberships memberships;
    private final ChannelAccess access;
    private final EventSink events;
    private final Ids ids;
    private final Clock clock;
    private final Object archiving = new Object();

    public ChannelService(Sql sql, ChannelRepository channels, ChannelIndex index, Memberships memberships,
                          ChannelAccess access, EventSink events, Ids ids, Clock clock) {
        this.sql = sql;
        this.channels = channels;
        this.index = index;
        this.memberships = memberships;
        this.access = access;
        this.events = events;
        this.ids = ids;
        this.clock = clock;
    }

    public Channel create(Principal who, CreateChannelRequest request) {
        ChannelKind kind = request.kind() == null ? ChannelKind.TEXT : request.kind();
        if (kind == ChannelKind.DM) {
            throw new InvalidInput("kind", "must be text or voice (DMs are opened with POST /api/dms)");
        }
        Visibility visibility = request.visibility() == null ? Visibility.PUBLIC : request.visibility();
        var channel = new ChannelRepository.NewChannel(ids.next(), kind, visibility, ChannelRules.name(request.name()),
                emptyToNull(ChannelRules.topic(request.topic())), null, who.userId(), clock.instant());
        sql.inTransaction(tx -> {
            channels.insert(tx, channel);
            channels.insertMember(tx, channel.id(), who.userId(), ChannelRole.OWNER, channel.createdAt());
            return null;
        });
        memberships.add(channel.id(), who.userId());
        Channel created = channels.byId(channel.id()).orElseThrow();
        index.put(created);
        return created;
    }

    public Channel get(Principal who, UUID channelId) {
        return access.visible(who, channelId);
    }

    public List<Channel> mine(Principal who) {
        return channels.listMine(who.userId());
    }

    public List<Channel> publicChannels() {
        return channels.listPublic();
    }

    public Channel update(Principal who, UUID channelId, UpdateChannelRequest request) {
        Channel channel = access.moderate(who, channelId);
        requireNotDm(channel);
        access.requireWritable(channelId);
        String name = request.name() == null ? channel.name() : ChannelRules.name(request.name());
        String topic = request.topic() == null ? channel.topic() : emptyToNull(ChannelRules.topic(request.topic()));
        channels.update(channelId, name, topic);
        return announce(channelId);
    }

    public Channel archive(Principal who, UUID channelId, boolean archived) {
        requireNotDm(access.moderate(who, channelId));
        setArchived(channelId, archived);
        return announce(channelId);
    }

    /** Owner of the channel or an instance admin. Members get one last {@code channel_updated}. */
    public void delete(Principal who, UUID channelId) {
        Channel channel = access.visible(who, channelId);
        requireNotDm(channel);
        boolean owner = channels.role(channelId, who.userId()).filter(r -> r == ChannelRole.OWNER).isPresent();
        if (!owner && !who.isAdmin()) {
            throw new Forbidden("only the channel's owner or an admin can delete it");
        }
        remove(channel);
    }

    /**
     * The admin API's archive: any channel but a DM, whether or not the admin is a member (a private
     * channel is invisible to non-members everywhere else).
     */
    public Channel archiveAny(UUID channelId, boolean archived) {
        requireNotDm(channels.byId(channelId).orElseThrow(ChannelAccess::noSuchChannel));
        setArchived(channelId, archived);
        return announce(channelId);
    }

    /** The admin API's delete: any channel, DMs included (e.g. abuse in a DM), members or not. */
    public Channel deleteAny(UUID channelId) {
        Channel channel = channels.byId(channelId).orElseThrow(ChannelAccess::noSuchChannel);
        remove(channel);
        return channel;
    }

    /** Soft-deletes; members get one last {@code channel_updated} and stop receiving its events. */
    private void remove(Channel channel) {
        UUID channelId = channel.id();
        if (channels.delete(channelId, clock.instant())) {
            index.remove(channelId);
            Channel gone = new Channel(channel.id(), channel.kind(), channel.visibility(), channel.name(),
                    channel.topic(), channel.createdBy(), channel.createdAt(), channel.archivedAt(), true, 0);
            events.toChannel(channelId, new ServerMessage.ChannelUpdated(gone));
            memberships.removeChannel(channelId);
        }
    }

    /** The admin API's member list: any channel, DMs and private ones included, without being a member. */
    public List<ChannelMember> membersOfAny(UUID channelId) {
        channels.byId(channelId).orElseThrow(ChannelAccess::noSuchChannel);
        return channels.members(channelId);
    }

    public List<ChannelMember> members(Principal who, UUID channelId) {
        access.member(who, channelId);
        return channels.members(channelId);
    }

    public Channel join(Principal who, UUID channelId) {
        Channel channel = access.visible(who, channelId);
        if (channel.visibility() != Visibility.PUBLIC || channel.kind() == ChannelKind.DM) {
            throw new Forbidden("private channels are joined by being added by a member");
        }
        addMemberRow(channel, who.userId(), ChannelRole.MEMBER);
        return channels.byId(channelId).orElseThrow();
    }

    public void leave(Principal who, UUID channelId) {
        Channel channel = access.member(who, channelId);
        requireNotDm(channel);
        removeMemberRow(channelId, who.userId(), "left");
    }

    /** Any member may add people to a channel they can see (private ones included). */
    public ChannelMember addMember(Principal who, UUID channelId, UUID userId) {
        Channel channel = access.member(who, channelId);
        requireNotDm(channel);
        if (userId == null) {
            throw new InvalidInput("user_id", "required");
        }
        access.requireActiveUser(userId);
        return addMemberRow(channel, userId, ChannelRole.MEMBER);
    }

    /** Moderators remove members; nobody but an admin removes the owner. */
    public void removeMember(Principal who, UUID channelId, UUID userId) {
        if (who.userId().equals(userId)) {
            leave(who, channelId);
            return;
        }
        Channel channel = access.moderate(who, channelId);
        requireNotDm(channel);
        ChannelRole target = channels.role(channelId, userId).orElseThrow(() -> new NotFound("not a member"));
        if (target == ChannelRole.OWNER && !who.isAdmin()) {
            throw new Forbidden("the channel's owner cannot be removed by a moderator");
        }
        removeMemberRow(channelId, userId, "removed");
    }

    /** The owner (or an admin) makes members moderators and back. Ownership is not transferred here. */
    public ChannelMember setRole(Principal who, UUID channelId, UUID userId, ChannelRole role) {
        Channel channel = access.visible(who, channelId);
        requireNotDm(channel);
        boolean owner = channels.role(channelId, who.userId()).filter(r -> r == ChannelRole.OWNER).isPresent();
        if (!owner && !who.isAdmin()) {
            throw new Forbidden("only the channel's owner or an admin can change roles");
        }
        if (role == null || role == ChannelRole.OWNER) {
            throw new InvalidInput("role", "must be moderator or member");
        }
        ChannelRole current = channels.role(channelId, userId).orElseThrow(() -> new NotFound("not a member"));
        if (current == ChannelRole.OWNER) {
            throw new Conflict("owner_role", "role", "the owner's role cannot be changed");
        }
        channels.setRole(channelId, userId, role);
        ChannelMember member = memberOf(channelId, userId);
        events.toChannel(channelId, new ServerMessage.MemberUpdated(channelId, member));
        return member;
    }

    ChannelMember addMemberRow(Channel channel, UUID userId, ChannelRole role) {
        Instant now = clock.instant();
        try {
            sql.inTransaction(tx -> {
                channels.insertMember(tx, channel.id(), userId, role, now);
                return null;
            });
        } catch (RuntimeException e) {
            if (memberships.isMember(channel.id(), userId) || channels.role(channel.id(), userId).isPresent()) {
                throw new Conflict("already_member", "user_id", "already a member of this channel");
            }
            throw e;
        }
        memberships.add(channel.id(), userId);
        ChannelMember member = memberOf(channel.id(), userId);
        events.toChannel(channel.id(), new ServerMessage.MemberJoined(channel.id(), member));
        return member;
    }

    private void removeMemberRow(UUID channelId, UUID userId, String reason) {
        boolean wasOwner = channels.role(channelId, userId).filter(r -> r == ChannelRole.OWNER).isPresent();
        if (!channels.deleteMember(channelId, userId)) {
            throw new NotFound("not a member");
        }
        // Tell everyone, the leaver included, before the leaver stops receiving.
        events.toChannel(channelId, new ServerMessage.MemberLeft(channelId, userId, reason));
        memberships.remove(channelId, userId);
        if (wasOwner) {
            channels.successor(channelId, userId).ifPresent(next -> {
                channels.setRole(channelId, next, ChannelRole.OWNER);
                events.toChannel(channelId, new ServerMessage.MemberUpdated(channelId, memberOf(channelId, next)));
            });
        }
    }

    private ChannelMember memberOf(UUID channelId, UUID userId) {
        return channels.members(channelId).stream().filter(m -> m.user().id().equals(userId)).findFirst()
                .orElseThrow(() -> new NotFound("not a member"));
    }

    /**
     * Row and index change together under one lock, so an archive and an unarchive racing cannot leave the
     * index disagreeing with the database. Posts are refused from the moment this returns.
     */
    private void setArchived(UUID channelId, boolean archived) {
        synchronized (archiving) {
            channels.archive(channelId, archived ? clock.instant() : null);
            index.archived(channelId, archived);
        }
    }

    private Channel announce(UUID channelId) {
        Channel updated = channels.byId(channelId).orElseThrow(() -> new NotFound("no such channel"));
        events.toChannel(channelId, new ServerMessage.ChannelUpdated(updated));
        return updated;
    }

    private static void requireNotDm(Channel channel) {
        if (channel.kind() == ChannelKind.DM) {
            throw new Forbidden("direct-message channels cannot be changed");
        }
    }

    private static String emptyToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }
}
