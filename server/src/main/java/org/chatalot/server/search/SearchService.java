package org.chatalot.server.search;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.chatalot.model.message.Message;
import org.chatalot.model.search.SearchHit;
import org.chatalot.model.search.SearchPage;
import org.chatalot.server.channel.ChannelAccess;
import org.chatalot.server.channel.Memberships;
import org.chatalot.server.common.Principal;
import org.chatalot.server.message.MessageHistory;

/**
 * Searches the text of the messages a user may read: those of the channels (DMs included, archived ones
 * too) they are a member of at the moment of the search, and no others. The channels are a required part of
 * the index query itself (not a filter applied to its results), and every hit is checked again against the
 * database and the memberships before it is shown.
 */
public final class SearchService {
    private final SearchIndex index;
    private final Memberships memberships;
    private final ChannelAccess access;
    private final MessageHistory messages;

    public SearchService(SearchIndex index, Memberships memberships, ChannelAccess access, MessageHistory messages) {
        this.index = index;
        this.memberships = memberships;
        this.access = access;
        this.messages = messages;
    }

    SearchPage search(Principal who, SearchQuery query) {
        List<UUID> channels = readable(who, query.channelId());
        SearchIndex.Found found = index.search(query, channels, query.limit());
        Map<UUID, Message> shown = messages.searchable(found.ids());
        Set<String> words = new HashSet<>(query.words());
        List<SearchHit> hits = new ArrayList<>();
        for (UUID id : found.ids()) {
            Message message = shown.get(id);
            if (isStillAMatch(message, query, channels, who)) {
                Snippets.Snippet snippet = Snippets.of(message.content(), words);
                hits.add(new SearchHit(message.channelId(), message, snippet.text(), snippet.highlights()));
            }
        }
        String next = found.hasMore() ? found.ids().getLast().toString() : null;
        return new SearchPage(hits, next, query.words());
    }

    /**
     * The database has the last word: a message deleted, encrypted, edited away from the words, stripped of its
     * files or moved out of the caller's channels since it was indexed is not shown (the index may lag, or have
     * lost an edit to a crash), and membership is checked again as the page is made.
     */
    private boolean isStillAMatch(Message message, SearchQuery query, List<UUID> channels, Principal who) {
        return message != null && channels.contains(message.channelId())
                && Words.hasAll(message.content(), query.words())
                && (!query.hasFile() || !message.attachments().isEmpty())
                && memberships.isMember(message.channelId(), who.userId());
    }

    /** The one channel asked for (the caller must be a member), or every channel the caller is in. */
    private List<UUID> readable(Principal who, UUID channelId) {
        if (channelId != null) {
            access.member(who, channelId);
            return List.of(channelId);
        }
        return List.copyOf(memberships.channelsOf(who.userId()));
    }
}
