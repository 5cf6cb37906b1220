package org.chatalot.server.channel;

import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Who is in which channel, in memory. Loaded from the database at start and updated by the channel
 * service right after each committed change, so realtime delivery checks membership at the moment of
 * every delivery without a query.
 */
public final class Memberships {
    private final ConcurrentHashMap<UUID, Set<UUID>> membersByChannel = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<UUID, Set<UUID>> channelsByUser = new ConcurrentHashMap<>();

    public void add(UUID channelId, UUID userId) {
        membersByChannel.computeIfAbsent(channelId, id -> ConcurrentHashMap.newKeySet()).add(userId);
        channelsByUser.computeIfAbsent(userId, id -> ConcurrentHashMap.newKeySet()).add(channelId);
    }

    public void remove(UUID channelId, UUID userId) {
        Set<UUID> members = membersByChannel.get(channelId);
        if (members != null) {
            members.remove(userId);
        }
        Set<UUID> channels = channelsByUser.get(userId);
        if (channels != null) {
            channels.remove(channelId);
        }
    }

    public void removeChannel(UUID channelId) {
        Set<UUID> members = membersByChannel.remove(channelId);
        if (members != null) {
            members.forEach(userId -> {
                Set<UUID> channels = channelsByUser.get(userId);
                if (channels != null) {
                    channels.remove(channelId);
                }
            });
        }
    }

    public boolean isMember(UUID channelId, UUID userId) {
        Set<UUID> members = membersByChannel.get(channelId);
        return members != null && members.contains(userId);
    }

    /** A live view: iterating sees members as of the moment of each step. */
    public Set<UUID> members(UUID channelId) {
        return membersByChannel.getOrDefault(channelId, Set.of());
    }

    public Set<UUID> channelsOf(UUID userId) {
        return channelsByUser.getOrDefault(userId, Set.of());
    }
}
