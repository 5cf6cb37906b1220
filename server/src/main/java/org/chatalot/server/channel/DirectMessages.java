package org.chatalot.server.channel;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import org.chatalot.model.channel.Channel;
import org.chatalot.model.channel.ChannelKind;
import org.chatalot.model.channel.ChannelRole;
import org.chatalot.model.channel.DmChannel;
import org.chatalot.model.channel.Visibility;
import org.chatalot.model.user.PublicProfile;
import org.chatalot.server.common.Principal;
import org.chatalot.server.db.Ids;
import org.chatalot.server.db.Sql;
import org.chatalot.server.error.Forbidden;
import org.chatalot.server.error.InvalidInput;
import org.chatalot.server.user.User;
import org.chatalot.server.user.UserRepository;

/**
 * Direct messages: exactly one channel per pair of users, created on first use. A unique key on the pair
 * makes concurrent "open DM" calls from both sides end up in the same channel. Blocking either way stops
 * new DMs and messages in them.
 */
public final class DirectMessages {
    private final Sql sql;
    private final ChannelRepository channels;
    private final ChannelIndex index;
    private final Memberships memberships;
    private final ChannelAccess access;
    private final UserRepository users;
    private final Ids ids;
    private final Clock clock;

    public DirectMessages(Sql sql, ChannelRepository channels, ChannelIndex index, Memberships memberships,
                          ChannelAccess access, UserRepository users, Ids ids, Clock clock) {
        this.sql = sql;
        this.channels = channels;
        this.index = index;
        this.memberships = memberships;
        this.access = access;
        this.users = users;
        this.ids = ids;
        this.clock = clock;
    }

    public DmChannel open(Principal who, UUID otherId) {
        if (otherId == null) {
            throw new InvalidInput("user_id", "required");
        }
        if (otherId.equals(who.userId())) {
            throw new InvalidInput("user_id", "cannot open a direct-message channel with yourself");
        }
        User other = access.requireActiveUser(otherId);
        requireNotBlocked(who.userId(), otherId);
        String key = dmKey(who.userId(), otherId);
        Channel channel = channels.byDmKey(key).orElseGet(() -> create(who.userId(), otherId, key));
        return new DmChannel(channel, other.toPublicProfile());
    }

    public List<DmChannel> list(Principal who) {
        return channels.listDms(who.userId()).stream()
                .map(row -> new DmChannel(row.channel(), users.byId(row.otherUserId()).map(User::toPublicProfile)
                        .orElse(null)))
                .toList();
    }

    public void requireNotBlocked(UUID a, UUID b) {
        if (channels.eitherBlocked(a, b)) {
            throw new Forbidden("blocked", "direct messages between these users are blocked");
        }
    }

    public void block(Principal who, UUID userId) {
        if (who.userId().equals(userId)) {
            throw new InvalidInput("user_id", "you cannot block yourself");
        }
        access.requireActiveUser(userId);
        channels.block(who.userId(), userId, clock.instant());
    }

    public void unblock(Principal who, UUID userId) {
        channels.unblock(who.userId(), userId);
    }

    public List<PublicProfile> blocked(Principal who) {
        return channels.blocked(who.userId());
    }

    private Channel create(UUID a, UUID b, String key) {
        var channel = new ChannelRepository.NewChannel(ids.next(), ChannelKind.DM, Visibility.PRIVATE, null, null,
                key, a, clock.instant());
        try {
            sql.inTransaction(tx -> {
                channels.insert(tx, channel);
                channels.insertMember(tx, channel.id(), a, ChannelRole.MEMBER, channel.createdAt());
                channels.insertMember(tx, channel.id(), b, ChannelRole.MEMBER, channel.createdAt());
                return null;
            });
        } catch (RuntimeException e) {
            if (Sql.isUniqueViolation(e, "UQ_CHANNEL_DM")) {
                return channels.byDmKey(key).orElseThrow(() -> e);
            }
            throw e;
        }
        memberships.add(channel.id(), a);
        memberships.add(channel.id(), b);
        Channel created = channels.byId(channel.id()).orElseThrow();
        index.put(created);
        return created;
    }

    static String dmKey(UUID a, UUID b) {
        return a.compareTo(b) < 0 ? a + ":" + b : b + ":" + a;
    }
}
