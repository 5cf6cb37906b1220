package org.chatalot.server.search;

import java.util.ArrayList;
import java.util.Comparator;
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
import org.chatalot.server.db.Ids;
import org.chatalot.server.db.Sql;
import org.chatalot.server.message.MessageService;

/**
 * Searches the text of the messages a user may read: those of the channels (DMs included, archived ones
 * too) they are a member of at the moment of the search, and no others. Each of those channels is searched
 * on its own, newest first and only as far as one page needs, and the matches are merged by id, which is by
 * time: the cost follows the page size and the caller's channels, not the size of the database.
 */
public final class SearchService {
    private static final Comparator<Match> NEWEST_FIRST = (a, b) -> Ids.compare(b.messageId(), a.messageId());

    private final Sql sql;
    private final SearchRepository repository;
    private final Memberships memberships;
    private final ChannelAccess access;
    private final MessageService messages;

    public SearchService(Sql sql, Memberships memberships, ChannelAccess access, MessageService messages) {
        this.sql = sql;
        this.repository = new SearchRepository(sql);
        this.memberships = memberships;
        this.access = access;
        this.messages = messages;
    }

    private record Match(UUID channelId, UUID messageId) {
    }

    SearchPage search(Principal who, SearchQuery query) {
        List<UUID> channels = readable(who, query.channelId());
        // One more than a page from each channel tells whether an older page exists.
        List<Match> matches = sql.inTransaction(tx -> {
            List<Match> found = new ArrayList<>();
            for (UUID channelId : channels) {
                repository.inChannel(tx, query, channelId, query.limit() + 1)
                        .forEach(id -> found.add(new Match(channelId, id)));
            }
            return found;
        });
        matches.sort(NEWEST_FIRST);
        boolean hasMore = matches.size() > query.limit();
        List<Match> page = hasMore ? matches.subList(0, query.limit()) : matches;
        Map<UUID, Message> shown = messages.searchable(page.stream().map(Match::messageId).toList());
        Set<String> words = new HashSet<>(query.words());
        List<SearchHit> hits = new ArrayList<>();
        for (Match match : page) {
            Message message = shown.get(match.messageId());
            // Checked again as the page is made: a membership that ended during the search shows nothing.
            if (message != null && message.channelId().equals(match.channelId())
                    && memberships.isMember(match.channelId(), who.userId())) {
                Snippets.Snippet snippet = Snippets.of(message.content(), words);
                hits.add(new SearchHit(match.channelId(), message, snippet.text(), snippet.highlights()));
            }
        }
        String next = hasMore ? page.getLast().messageId().toString() : null;
        return new SearchPage(hits, next, query.words());
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
