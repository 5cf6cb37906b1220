package org.chatalot.server.channel;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Who is in which channel, in memory. Loaded from the database at start and updated by the channel
 * service right after each committed change, so realtime delivery checks membership at the moment of
 * every delivery without a query.
 */
public final class Memberships {
    private final ConcurrentHashMap<UUID, Set<UUID>> membersByChannel = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<UUID, Set<UUID>> channelsByUser = new ConcurrentHashMap<>();
    private final List<RemovalListener> removalListeners = new CopyOnWriteArrayList<>();

    /**
     * Told right after someone stops being a member (left, removed, or the channel deleted), for state that
     * lives outside the index and must end at the same moment (a member's place in a call).
     */
    public interface RemovalListener {
        void membershipEnded(UUID channelId, UUID userId);
    }

    public void onRemoval(RemovalListener listener) {
        removalListeners.add(listener);
    }

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
        removalListeners.forEach(listener -> listener.membershipEnded(channelId, userId));
    }

    public void removeChannel(UUID channelId) {
        Set<UUID> members = membersByChannel.remove(channelId);
        if (members != null) {
            members.forEach(userId -> {
                Set<UUID> channels = channelsByUser.get(userId);
                if (channels != null) {
                    channels.remove(channelId);
                }
                removalListeners.forEach(listener -> listener.membershipEnded(channelId, userId));
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
