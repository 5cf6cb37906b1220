package org.chatalot.server.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;

import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TopFieldDocs;
import org.apache.lucene.store.FSDirectory;

import org.chatalot.server.db.Ids;
import org.chatalot.server.db.Sql;
import org.chatalot.server.error.Unavailable;
import org.chatalot.server.message.TextIndex;

/**
 * The search index: a Lucene index in {@code DATA_DIR/search}, one document per plain-text message with its
 * words, channel, sender, whether it has files, and its id, sorted newest first on disk so a search stops as
 * soon as it has a page.
 *
 * <p>Why not a table in the database: measured, a word table written in the message's transaction made
 * every durable group commit rewrite thousands of scattered B-tree pages (22 KB written per message, the
 * write path fell from thousands of messages per second to hundreds). Lucene appends segments instead.
 *
 * <p>The database stays the truth. One thread applies every change after its commit, in commit order:
 * messages stored, and messages edited or deleted (read again from the database, so the index holds what the
 * row holds now). A search first makes everything indexed so far visible, so a new message is found as soon
 * as this thread has taken it (a fraction of a second). Making changes visible writes them out as a small
 * segment, and Lucene later merges those: done on a timer (it was every 200 ms), that flushing and merging
 * cost two to four times the indexing itself at a few hundred messages per second (docs/performance.md), so
 * it is done only when someone searches, and at each commit. The index's last commit
 * records the newest message it holds every message up to; at start, everything after that is read from the
 * database again, so a crash or a missing index (an upgrade, a deleted folder, a restored backup) only
 * means the index fills in again in the background. Edits and deletes are committed at once, so a crash
 * never brings back words a message no longer has; and search re-reads every hit from the database, so a
 * deleted or encrypted message is never shown whatever the index says.
 *
 * <p>New messages are committed only once a minute ({@link #ROUTINE_COMMIT}) and at close: a commit syncs
 * every file written since the last one (about 30 {@code fsync}s), on the disk where the database's commits
 * are written too, and messages sent meanwhile waited for it (docs/performance.md "W2 latency at light
 * load"). A crash then costs at most a minute of messages read again from the database at the next start.
 * Between commits Lucene holds at most its RAM buffer (16 MB) and writes a segment, unsynced, when it fills.
 *
 * <p>The index is opened by its own thread once the server listens ({@link #open()}; Lucene's writer took about
 * a tenth of a second of a cold start on one core, docs/performance.md "W6 cold start"). Changes committed
 * before then wait in the queue; a search waits for the open (at most {@link #OPEN_WAIT}, then 503). An index
 * that cannot be opened at all (not even built again from nothing) fails {@link #opened()}, and the server
 * stops (ChatServer).
 */
public final class SearchIndex implements TextIndex, AutoCloseable {
    private static final System.Logger LOG = System.getLogger(SearchIndex.class.getName());
    static final String FOLDER = "search";
    /** Words of one message past this many are not indexed (a 64 KiB message could hold ten thousand). */
    static final int MAX_WORDS_PER_MESSAGE = 1000;
    private static final String INDEXED_UP_TO = "indexed_up_to";
    private static final int CATCH_UP_BATCH = 2000;
    /** How often new messages are committed; edits and deletes are committed at once. */
    static final Duration ROUTINE_COMMIT = Duration.ofMinutes(1);
    /** How long a search waits for the index to open before answering 503. */
    static final Duration OPEN_WAIT = Duration.ofSeconds(10);
    static final Sort NEWEST_FIRST = new Sort(new SortField(Fields.HIGH, SortField.Type.LONG, true),
            new SortField(Fields.LOW, SortField.Type.LONG, true));

    /** Field names. */
    static final class Fields {
        static final String ID = "id";
        static final String HIGH = "id_high";
        static final String LOW = "id_low";
        static final String WORD = "w";
        static final String CHANNEL = "channel";
        static final String SENDER = "sender";
        static final String FILE = "file";

        private Fields() {
        }
    }

    private sealed interface Op {
    }

    private record Stored(List<IndexedText> texts) implements Op {
    }

    private record Changed(UUID messageId) implements Op {
    }

    private final Duration openWait;
    /** {@link System#nanoTime()}, or a test's clock. */
    private final LongSupplier nanoTime;
    private final SearchSource source;
    private final Path folder;
    private final LinkedBlockingQueue<Op> queue = new LinkedBlockingQueue<>();
    private final Thread thread;
    /** Completed by the indexer thread once the fields below are set (which publishes them to searches). */
    private final CompletableFuture<Void> opened = new CompletableFuture<>();
    private volatile boolean running = true;
    private PrivateDirectory directory;
    private IndexWriter writer;
    private SearcherManager searchers;
    /** Every message up to this one is in the index (null: none yet). Touched by the indexer thread only. */
    private UUID indexedUpTo;
    /** The newest message when the index was opened: catching up ends there; live messages are after it. */
    private UUID catchUpEnd;
    private long lastCommit;
    /** Something was indexed that searches do not see yet; set by the indexer thread, cleared by a refresh. */
    private final AtomicBoolean unseen = new AtomicBoolean();
    private final Object refreshing = new Object();
    private boolean mustCommit;

    /** The index in {@code dataDir}, not open yet: changes are queued until {@link #open()} has run. */
    public SearchIndex(Path dataDir, Sql sql) {
        this(dataDir, sql, OPEN_WAIT);
    }

    SearchIndex(Path dataDir, Sql sql, Duration openWait) {
        this(dataDir, sql, openWait, System::nanoTime);
    }

    SearchIndex(Path dataDir, Sql sql, Duration openWait, LongSupplier nanoTime) {
        this.openWait = openWait;
        this.nanoTime = nanoTime;
        this.source = new SearchSource(sql);
        this.folder = dataDir.resolve(FOLDER);
        this.thread = Thread.ofPlatform().name("search-indexer").daemon().unstarted(this::run);
    }

    /**
     * Starts the indexer thread, which opens (or creates) the index and then fills in what it lacks. An index
     * that cannot be read, or that holds messages the database does not (a backup restored under it), is
     * started again from nothing; one that cannot be opened even then fails {@link #opened()}.
     */
    public void open() {
        thread.start();
    }

    /** Completes once the index is open, or exceptionally with why it cannot be. */
    public CompletionStage<Void> opened() {
        return opened.minimalCompletionStage();
    }

    private void openIndex() {
        UUID newest = source.newest().orElse(null);
        try {
            PrivateDirectory.create(folder);
            try {
                openIndex(newest, false);
            } catch (IOException | RuntimeException unreadable) {
                LOG.log(System.Logger.Level.WARNING, "The search index in " + folder + " cannot be used; it is "
                        + "built again from the database in the background", unreadable);
                PrivateDirectory.empty(folder);
                openIndex(newest, true);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open the search index in " + folder + " (" + e + "); check that "
                    + "the server's user can write there, or move the folder away to have it built again", e);
        }
    }

    private void openIndex(UUID newest, boolean fresh) throws IOException {
        PrivateDirectory directory = new PrivateDirectory(FSDirectory.open(folder));
        IndexWriterConfig config = new IndexWriterConfig().setIndexSort(NEWEST_FIRST)
                .setOpenMode(fresh ? IndexWriterConfig.OpenMode.CREATE : IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
                .setRAMBufferSizeMB(16);
        IndexWriter writer;
        try {
            writer = new IndexWriter(directory, config);
        } catch (IOException | RuntimeException e) {
            directory.close();
            throw e;
        }
        try {
            directory.restrictAll();
            UUID upTo = committedUpTo(writer);
            if (upTo != null && (newest == null || Ids.compare(upTo, newest) > 0)) {
                LOG.log(System.Logger.Level.INFO, "The search index is ahead of the database (a restored backup?); "
                        + "building it again");
                writer.deleteAll();
                upTo = null;
            }
            if (newest != null && (upTo == null || Ids.compare(upTo, newest) < 0)) {
                LOG.log(System.Logger.Level.INFO, "Indexing messages for search in the background, from "
                        + (upTo == null ? "the first" : "after " + upTo));
            }
            this.searchers = new SearcherManager(writer, null);
            this.directory = directory;
            this.writer = writer;
            this.indexedUpTo = upTo;
            this.catchUpEnd = newest;
            this.lastCommit = nanoTime.getAsLong();
        } catch (IOException | RuntimeException e) {
            // Let go of the index's lock, or building it again in this process could not start.
            try {
                writer.rollback();
                directory.close();
            } catch (IOException closing) {
                e.addSuppressed(closing);
            }
            throw e;
        }
    }

    private static UUID committedUpTo(IndexWriter writer) {
        Iterable<Map.Entry<String, String>> data = writer.getLiveCommitData();
        if (data != null) {
            for (Map.Entry<String, String> entry : data) {
                if (entry.getKey().equals(INDEXED_UP_TO)) {
                    return UUID.fromString(entry.getValue());
                }
            }
        }
        return null;
    }

    @Override
    public void stored(List<IndexedText> texts) {
        if (!texts.isEmpty()) {
            queue.add(new Stored(texts));
        }
    }

    @Override
    public void changed(UUID messageId) {
        queue.add(new Changed(messageId));
    }

    /** What a search found: message ids, newest first, and whether more matched. */
    record Found(List<UUID> ids, boolean hasMore) {
    }

    /** The newest {@code limit} matches of the query among {@code channels}. */
    Found search(SearchQuery query, Collection<UUID> channels, int limit) {
        if (channels.isEmpty()) {
            return new Found(List.of(), false);
        }
        awaitOpen();
        try {
            showIndexed();
            IndexSearcher searcher = searchers.acquire();
            try {
                TopFieldDocs top = searcher.search(SearchQueries.of(query, channels), limit + 1, NEWEST_FIRST);
                var stored = searcher.storedFields();
                List<UUID> ids = new ArrayList<>();
                for (ScoreDoc hit : top.scoreDocs) {
                    ids.add(UUID.fromString(stored.document(hit.doc).get(Fields.ID)));
                }
                boolean hasMore = ids.size() > limit;
                return new Found(hasMore ? ids.subList(0, limit) : ids, hasMore);
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void awaitOpen() {
        try {
            opened.get(openWait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new Unavailable("search is not available yet: the search index is still opening", 2);
        } catch (ExecutionException e) {
            throw new Unavailable("search is not available: the search index could not be opened", 60);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Unavailable("search was interrupted", 2);
        }
    }

    /**
     * Makes what is indexed so far visible to the next searcher acquired. Serialised, so that a search arriving
     * while another one refreshes waits for that refresh rather than searching the older reader.
     */
    private void showIndexed() throws IOException {
        synchronized (refreshing) {
            if (unseen.getAndSet(false)) {
                searchers.maybeRefreshBlocking();
            }
        }
    }

    private void run() {
        try {
            openIndex();
        } catch (RuntimeException e) {
            opened.completeExceptionally(e);
            return;
        } catch (Error e) {
            opened.completeExceptionally(e);
            throw e;
        }
        opened.complete(null);
        while (running || !queue.isEmpty()) {
            try {
                Op op = queue.poll(100, TimeUnit.MILLISECONDS);
                if (op != null) {
                    apply(op);
                    for (Op next = queue.poll(); next != null; next = queue.poll()) {
                        apply(next);
                    }
                } else if (isCatchingUp()) {
                    catchUp();
                }
                settle(false);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (IOException | RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "Search indexing failed; what is missing is indexed again "
                        + "at the next start", e);
            }
        }
    }

    private boolean isCatchingUp() {
        return catchUpEnd != null && (indexedUpTo == null || Ids.compare(indexedUpTo, catchUpEnd) < 0);
    }

    /** One batch of the messages between the index's mark and the newest at start. */
    private void catchUp() throws IOException {
        UUID from = indexedUpTo == null ? new UUID(0, 0) : indexedUpTo;
        List<SearchSource.Source> batch = source.after(from, CATCH_UP_BATCH);
        for (SearchSource.Source message : batch) {
            if (Ids.compare(message.id(), catchUpEnd) > 0) {
                break;
            }
            put(message.id(), message.channelId(), message.senderId(), message.content(), message.encryption(),
                    message.hasFile());
            indexedUpTo = message.id();
        }
        if (batch.size() < CATCH_UP_BATCH || !batch.isEmpty() && Ids.compare(batch.getLast().id(), catchUpEnd) >= 0) {
            indexedUpTo = catchUpEnd;
            mustCommit = true;
            LOG.log(System.Logger.Level.INFO, "Search index complete: every stored message is indexed");
        }
        unseen.set(true);
    }

    private void apply(Op op) throws IOException {
        switch (op) {
            case Stored stored -> {
                for (IndexedText text : stored.texts()) {
                    if (isCatchingUp() || mayBeIndexed(text.messageId())) {
                        put(text.messageId(), text.channelId(), text.senderId(), text.content(), text.encryption(),
                                text.hasFile());
                    } else {
                        add(text);
                        indexedUpTo = text.messageId();
                    }
                }
            }
            case Changed changed -> {
                Optional<SearchSource.Source> now = source.one(changed.messageId());
                if (now.isEmpty() || now.get().isDeleted()) {
                    writer.deleteDocuments(new Term(Fields.ID, changed.messageId().toString()));
                } else {
                    SearchSource.Source message = now.get();
                    put(message.id(), message.channelId(), message.senderId(), message.content(),
                            message.encryption(), message.hasFile());
                }
                mustCommit = true;
            }
        }
        unseen.set(true);
    }

    /**
     * Whether the index may hold the message already: one stored while the index was opening can also have
     * been among those it read from the database, so it replaces any copy instead of being added again.
     */
    private boolean mayBeIndexed(UUID messageId) {
        return catchUpEnd != null && Ids.compare(messageId, catchUpEnd) <= 0;
    }

    /**
     * A message stored after the index was opened and caught up: the index cannot hold it yet (its id is new),
     * so it is added without {@link #put}'s delete of an older copy, a term every later refresh would have to
     * look up in every segment.
     */
    private void add(IndexedText text) throws IOException {
        if (text.encryption() == null && text.content() != null) {
            writer.addDocument(document(text.messageId(), text.channelId(), text.senderId(), text.content(),
                    text.hasFile()));
        }
    }

    /** Indexes the message as it is now, replacing any copy the index holds. */
    private void put(UUID id, UUID channelId, UUID senderId, String content, String encryption, boolean hasFile)
            throws IOException {
        Term key = new Term(Fields.ID, id.toString());
        if (encryption != null || content == null) {
            writer.deleteDocuments(key);
            return;
        }
        writer.updateDocument(key, document(id, channelId, senderId, content, hasFile));
    }

    private static Document document(UUID id, UUID channelId, UUID senderId, String content, boolean hasFile) {
        Document document = new Document();
        document.add(new StringField(Fields.ID, id.toString(), Field.Store.YES));
        document.add(new LongPoint(Fields.HIGH, id.getMostSignificantBits()));
        document.add(new NumericDocValuesField(Fields.HIGH, id.getMostSignificantBits()));
        document.add(new LongPoint(Fields.LOW, id.getLeastSignificantBits()));
        document.add(new NumericDocValuesField(Fields.LOW, id.getLeastSignificantBits()));
        document.add(new StringField(Fields.CHANNEL, channelId.toString(), Field.Store.NO));
        document.add(new StringField(Fields.SENDER, senderId.toString(), Field.Store.NO));
        if (hasFile) {
            document.add(new StringField(Fields.FILE, "1", Field.Store.NO));
        }
        for (String word : Words.distinct(content, MAX_WORDS_PER_MESSAGE)) {
            document.add(new StringField(Fields.WORD, word, Field.Store.NO));
        }
        return document;
    }

    /**
     * Makes changes durable (new messages every {@link #ROUTINE_COMMIT}, an edit or delete at once) and, then,
     * visible to searches too: the commit has just written them out, and a reader left on old segments would
     * keep merged-away files on disk. Between commits only a search refreshes.
     */
    private void settle(boolean force) throws IOException {
        long now = nanoTime.getAsLong();
        if (force || mustCommit || now - lastCommit >= ROUTINE_COMMIT.toNanos() && writer.hasUncommittedChanges()) {
            if (indexedUpTo != null) {
                writer.setLiveCommitData(Map.of(INDEXED_UP_TO, indexedUpTo.toString()).entrySet());
            }
            SearchIndexCommitEvent event = new SearchIndexCommitEvent();
            event.begin();
            writer.commit();
            event.commit();
            directory.restrictAll();
            lastCommit = now;
            mustCommit = false;
            showIndexed();
        }
    }

    /** Indexes what is queued, commits, and closes. */
    @Override
    public void close() {
        running = false;
        try {
            if (thread.isAlive()) {
                thread.join(30_000);
            }
            if (writer == null) {
                return;
            }
            settle(true);
            searchers.close();
            writer.close();
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "Closing the search index failed; it is checked at the next start",
                    e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The index's folder, for sizes and checks. */
    static Path folder(Path dataDir) {
        return dataDir.resolve(FOLDER);
    }

    static boolean exists(Path dataDir) {
        return Files.isDirectory(folder(dataDir));
    }
}
