package org.chatalot.server.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.chatalot.server.db.Rows;
import org.chatalot.server.db.Sql;

/** Reads of {@code search_word}, and the background fill's rows. */
final class SearchRepository {
    private final Sql sql;

    SearchRepository(Sql sql) {
        this.sql = sql;
    }

    /** Ids of one channel's matches, newest first, at most {@code limit}. */
    List<UUID> inChannel(Sql.Tx tx, SearchQuery query, UUID channelId, int limit) {
        String leading = query.leadingWord();
        List<Object> params = new ArrayList<>();
        params.add(leading);
        params.add(channelId);
        params.add(query.before() == null ? SearchQuery.HIGHEST : query.before());
        params.add(query.after() == null ? SearchQuery.LOWEST : query.after());
        List<String> others = query.words().stream().filter(word -> !word.equals(leading)).toList();
        for (int i = 0; i < SearchQuery.MAX_WORDS - 1; i++) {
            String word = i < others.size() ? others.get(i) : null;
            params.add(word);
            params.add(word);
        }
        params.add(query.senderId());
        params.add(query.senderId());
        params.add(query.hasFile() ? Boolean.TRUE : null);
        params.add(limit);
        return tx.list("search-in-channel", row -> Rows.uuid(row, "MESSAGE_ID"), params.toArray());
    }

    Optional<UUID> backfillMark() {
        return sql.one("search-backfill-mark", row -> Rows.uuid(row, "UP_TO"));
    }

    /** Up to {@code limit} live messages with ids at or below {@code upTo}, newest first, locked. */
    List<Row> backfillBatch(Sql.Tx tx, UUID upTo, int limit) {
        return tx.list("search-backfill-batch", row -> new Row(Rows.uuid(row, "ID"), Rows.uuid(row, "CHANNEL_ID"),
                Rows.string(row, "CONTENT"), Rows.string(row, "ENCRYPTION")), upTo, limit);
    }

    void setBackfillMark(Sql.Tx tx, UUID upTo) {
        tx.update("search-backfill-set", upTo);
    }

    void backfillDone(Sql.Tx tx) {
        tx.update("search-backfill-done");
    }

    record Row(UUID id, UUID channelId, String content, String encryption) {
    }
}
