package org.chatalot.server.search;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.helidon.dbclient.DbRow;

import org.chatalot.server.db.Rows;
import org.chatalot.server.db.Sql;

/** The messages as the search index copies them from the database. */
final class SearchSource {
    private final Sql sql;

    SearchSource(Sql sql) {
        this.sql = sql;
    }

    /** A message as search sees it, or one that is gone ({@code isDeleted}). */
    record Source(UUID id, UUID channelId, UUID senderId, String content, String encryption, boolean hasFile,
                  boolean isDeleted) {
    }

    /** Up to {@code limit} live messages with ids above {@code after}, oldest first. */
    List<Source> after(UUID after, int limit) {
        return sql.list("search-source-after", SearchSource::map, after, limit);
    }

    Optional<Source> one(UUID id) {
        return sql.one("search-source-one", SearchSource::map, id);
    }

    Optional<UUID> newest() {
        return sql.one("search-newest-message", row -> Rows.uuid(row, "NEWEST")).filter(id -> id != null);
    }

    private static Source map(DbRow row) {
        return new Source(Rows.uuid(row, "ID"), Rows.uuid(row, "CHANNEL_ID"), Rows.uuid(row, "SENDER_ID"),
                Rows.string(row, "CONTENT"), Rows.string(row, "ENCRYPTION"), Rows.bool(row, "HAS_FILE"),
                Rows.instant(row, "DELETED_AT") != null);
    }
}
