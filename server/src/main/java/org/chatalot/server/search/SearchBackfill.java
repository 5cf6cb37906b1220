package org.chatalot.server.search;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.chatalot.server.db.Sql;
import org.chatalot.server.message.TextIndex;

/**
 * Indexes the messages stored before the search index existed, newest first (the ones people look for
 * most), in small transactions on one background thread, so a server upgraded with years of history starts
 * at once and its search fills in behind. New messages never wait for it: the writer indexes them itself.
 * Each batch locks its rows while it reads and indexes them, so an edit or delete of the same message runs
 * wholly before or after it; the mark of how far it has come moves in the same transaction, and a restart
 * carries on from there.
 */
public final class SearchBackfill implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(SearchBackfill.class.getName());
    static final int BATCH = 500;

    private final Sql sql;
    private final SearchRepository repository;
    private final TextIndex index;
    private volatile boolean running = true;
    private Thread thread;

    public SearchBackfill(Sql sql, TextIndex index) {
        this.sql = sql;
        this.repository = new SearchRepository(sql);
        this.index = index;
    }

    /** Starts the background work when there is any. */
    public void start() {
        Optional<UUID> mark = repository.backfillMark();
        if (mark.isEmpty()) {
            return;
        }
        LOG.log(System.Logger.Level.INFO, "Indexing older messages for search in the background");
        thread = Thread.ofPlatform().name("search-backfill").daemon().start(() -> run(mark.get()));
    }

    private void run(UUID first) {
        UUID upTo = first;
        long indexed = 0;
        try {
            while (running && upTo != null) {
                UUID from = upTo;
                upTo = sql.inTransaction(tx -> batch(tx, from));
                indexed += BATCH;
            }
            if (upTo == null) {
                LOG.log(System.Logger.Level.INFO, "Search index complete: older messages indexed");
            }
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "Indexing older messages stopped after about " + indexed
                    + "; it carries on from there at the next start", e);
        }
    }

    /** Indexes one batch; answers where the next starts, or null when this was the last. */
    private UUID batch(Sql.Tx tx, UUID upTo) {
        List<SearchRepository.Row> rows = repository.backfillBatch(tx, upTo, BATCH);
        List<TextIndex.IndexedText> texts = rows.stream()
                .map(row -> new TextIndex.IndexedText(row.id(), row.channelId(), row.content(), row.encryption()))
                .toList();
        // An edit since the upgrade may have indexed a message already: its words go first, then come back.
        texts.forEach(text -> index.remove(tx, text));
        index.add(tx, texts);
        if (rows.size() < BATCH) {
            repository.backfillDone(tx);
            return null;
        }
        UUID next = below(rows.getLast().id());
        repository.setBackfillMark(tx, next);
        return next;
    }

    /** The id just below {@code id} (ids compare as unsigned 128-bit numbers). */
    static UUID below(UUID id) {
        long low = id.getLeastSignificantBits();
        long high = low == 0 ? id.getMostSignificantBits() - 1 : id.getMostSignificantBits();
        return new UUID(high, low - 1);
    }

    /** Stops after the batch in hand; the mark keeps the place. */
    @Override
    public void close() {
        running = false;
        if (thread != null) {
            try {
                thread.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
