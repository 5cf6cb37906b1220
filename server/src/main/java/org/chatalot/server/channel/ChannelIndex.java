package org.chatalot.server.channel;

import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.chatalot.model.channel.Channel;
import org.chatalot.model.channel.ChannelKind;
import org.chatalot.model.channel.Visibility;

/**
 * What every post checks about its channel (kind, visibility, archived), in memory for each live channel.
 * Loaded from the database at start and updated by the channel service right after each committed change
 * (created, archived, unarchived, deleted), like {@link Memberships}, so posting a message costs a map
 * lookup instead of a query. A deleted channel is not in it.
 */
public final class ChannelIndex {
    private final ConcurrentHashMap<UUID, Entry> channels = new ConcurrentHashMap<>();

    /** Every live channel, read once at start. */
    public static ChannelIndex loadFrom(ChannelRepository repository) {
        ChannelIndex index = new ChannelIndex();
        repository.indexEntries().forEach(entry -> index.channels.put(entry.id(), entry));
        return index;
    }

    /** One live channel, as far as posting in it is concerned. */
    public record Entry(UUID id, ChannelKind kind, Visibility visibility, boolean isArchived) {

        static Entry of(Channel channel) {
            return new Entry(channel.id(), channel.kind(), channel.visibility(), channel.archivedAt() != null);
        }

        /** Public channels are visible to everyone; private ones and DMs only to their members. */
        boolean isOpenToAll() {
            return visibility == Visibility.PUBLIC && kind != ChannelKind.DM;
        }
    }

    Optional<Entry> get(UUID channelId) {
        return Optional.ofNullable(channels.get(channelId));
    }

    void put(Channel channel) {
        if (channel.deleted()) {
            channels.remove(channel.id());
        } else {
            channels.put(channel.id(), Entry.of(channel));
        }
    }

    /** Only for a channel still in the index: a deleted channel is never brought back. */
    void archived(UUID channelId, boolean archived) {
        channels.computeIfPresent(channelId, (id, entry) ->
                new Entry(id, entry.kind(), entry.visibility(), archived));
    }

    void remove(UUID channelId) {
        channels.remove(channelId);
    }
}
