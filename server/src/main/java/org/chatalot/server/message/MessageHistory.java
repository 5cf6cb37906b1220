package org.chatalot.server.message;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.chatalot.model.message.Message;
import org.chatalot.model.message.MessagePage;
import org.chatalot.model.message.Reaction;
import org.chatalot.server.channel.ChannelAccess;
import org.chatalot.server.common.Principal;
import org.chatalot.server.error.InvalidInput;

/**
 * Messages as members see them: a channel's history a page at a time, the messages search found, one message
 * as it stands now; each with its reactions, attachments and direct mentions. Only reads: nothing here
 * changes a message or tells anyone of one.
 */
public final class MessageHistory {
    static final int MAX_PAGE = 100;

    private final MessageRepository messages;
    private final ChannelAccess access;
    private final Attachments attachments;

    public MessageHistory(MessageRepository messages, ChannelAccess access, Attachments attachments) {
        this.messages = messages;
        this.access = access;
        this.attachments = attachments;
    }

    /**
     * One page of a channel's history, newest first: the newest messages, those before or after a message,
     * or those around one (half before it, the message itself, half after it).
     */
    public MessagePage page(Principal who, UUID channelId, HistoryCursor cursor, Integer limit) {
        access.member(who, channelId);
        int size = limit == null ? 50 : limit;
        if (size < 1 || size > MAX_PAGE) {
            throw new InvalidInput("limit", "must be 1-" + MAX_PAGE);
        }
        return switch (cursor) {
            case HistoryCursor.Latest latest -> newestFirst(channelId, messages.page(channelId, null, size), size,
                    false);
            case HistoryCursor.Before before -> newestFirst(channelId, messages.page(channelId, before.id(), size),
                    size, true);
            case HistoryCursor.After after -> afterPage(channelId, after.id(), size);
            case HistoryCursor.Around around -> aroundPage(channelId, around.id(), size);
        };
    }

    /**
     * The messages with these ids that search may show (not deleted, not encrypted), as history shows them,
     * by id. Says nothing of who may read them: the caller has checked that.
     */
    public Map<UUID, Message> searchable(List<UUID> ids) {
        List<StoredMessage> found = messages.searchable(ids);
        return shown(found, messages.reactions(found.stream().map(StoredMessage::id).toList())).stream()
                .collect(Collectors.toMap(Message::id, Function.identity()));
    }

    /** One message as history shows it now. */
    Message shown(StoredMessage message) {
        return shown(List.of(message), Map.of(message.id(), messages.reactions(message.id()))).getFirst();
    }

    private MessagePage newestFirst(UUID channelId, List<StoredMessage> page, int size, boolean newerExist) {
        if (page.isEmpty()) {
            return new MessagePage(List.of(), null, null);
        }
        return new MessagePage(shownPage(channelId, page), page.size() == size ? page.getLast().id() : null,
                newerExist ? page.getFirst().id() : null);
    }

    private MessagePage afterPage(UUID channelId, UUID after, int size) {
        List<StoredMessage> page = messages.pageAfter(channelId, after, size).reversed();
        if (page.isEmpty()) {
            return new MessagePage(List.of(), after, null);
        }
        return new MessagePage(shownPage(channelId, page), page.getLast().id(),
                page.size() == size ? page.getFirst().id() : null);
    }

    private MessagePage aroundPage(UUID channelId, UUID around, int size) {
        int newer = size / 2;
        List<StoredMessage> older = messages.pageUpTo(channelId, around, size - newer);
        List<StoredMessage> later = messages.pageAfter(channelId, around, newer).reversed();
        List<StoredMessage> page = new ArrayList<>(later);
        page.addAll(older);
        if (page.isEmpty()) {
            return new MessagePage(List.of(), null, null);
        }
        return new MessagePage(shownPage(channelId, page), older.size() == size - newer ? page.getLast().id() : null,
                later.size() == newer && newer > 0 ? page.getFirst().id() : null);
    }

    /** A page (newest first): its reactions are read by the id range it spans, in one query. */
    private List<Message> shownPage(UUID channelId, List<StoredMessage> page) {
        return shown(page, messages.reactions(channelId, page.getLast().id(), page.getFirst().id()));
    }

    /** The messages with their reactions, and their attachments and direct mentions read in one query each. */
    private List<Message> shown(List<StoredMessage> found, Map<UUID, List<Reaction>> reactions) {
        List<UUID> ids = found.stream().map(StoredMessage::id).toList();
        var files = attachments.forMessages(ids);
        var mentioned = messages.directMentions(ids);
        return found.stream().map(m -> m.toWire(reactions.getOrDefault(m.id(), List.of()),
                files.getOrDefault(m.id(), List.of()), mentioned.getOrDefault(m.id(), List.of()))).toList();
    }
}
