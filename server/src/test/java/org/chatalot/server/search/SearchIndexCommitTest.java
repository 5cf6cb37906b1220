package org.chatalot.server.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexNotFoundException;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.chatalot.server.db.Database;
import org.chatalot.server.db.Ids;
import org.chatalot.server.message.TextIndex.IndexedText;
import org.chatalot.server.testing.TestDatabase;
import org.chatalot.testing.Poll;

/**
 * New messages are committed to the index once a minute, not every few seconds (each commit syncs some thirty
 * files on the disk the database's commits go to), yet a search finds them at once; edits are committed at
 * once. The index runs on a clock the test moves, and what a commit holds is read from the folder as a
 * restarted server would find it. Real H2, real Lucene in a temporary folder.
 */
class SearchIndexCommitTest {
    private static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    Path dataDir;

    private final Ids ids = new Ids(Clock.systemUTC());
    private final UUID user = ids.next();
    private final UUID channel = ids.next();
    private final Ticker ticker = new Ticker();
    private Database database;
    private SearchIndex index;

    @BeforeEach
    void setUp() throws SQLException {
        database = TestDatabase.open(dataDir);
        TestDatabase.insertUser(database, user, "committer", Instant.now());
        TestDatabase.insertChannel(database, channel, "commits", user, Instant.now());
        index = new SearchIndex(dataDir, database.sql(), SearchIndex.OPEN_WAIT, ticker);
        index.open();
        index.opened().toCompletableFuture().join();
    }

    @AfterEach
    void tearDown() {
        index.close();
        database.close();
    }

    @Test
    void aNewMessageIsSearchableAtOnceButCommittedOnlyAfterAMinute() throws Exception {
        UUID message = store("amber lantern");
        assertThat(awaitFound("amber")).as("found by a search before any commit").containsExactly(message);

        ticker.advanceAndAwaitSettle(Duration.ofSeconds(30));
        assertThat(committedUpTo()).as("half a minute on, not committed yet").isNotEqualTo(Optional.of(message));
        assertThat(committedHits("amber")).isZero();

        ticker.advanceAndAwaitSettle(Duration.ofSeconds(30));
        assertThat(Poll.until(() -> committedUpTo().equals(Optional.of(message)), WAIT))
                .as("committed a minute on").isTrue();
        assertThat(committedHits("amber")).isEqualTo(1);
    }

    @Test
    void anEditIsCommittedAtOnceWithTheMessagesBeforeIt() throws Exception {
        UUID edited = store("draft with quartz");
        UUID later = store("basalt arrives later");
        awaitFound("basalt");
        TestDatabase.execute(database, "UPDATE message SET content = ? WHERE id = ?", "final with onyx", edited);
        index.changed(edited);

        assertThat(Poll.until(() -> committedHits("onyx") == 1, WAIT)).as("the edit committed").isTrue();
        assertThat(committedHits("quartz")).as("the old words are gone from the commit").isZero();
        assertThat(committedUpTo()).contains(later);
    }

    @Test
    void aDeleteIsCommittedAtOnce() throws Exception {
        UUID deleted = store("jasper to delete");
        awaitFound("jasper");
        TestDatabase.execute(database, "UPDATE message SET deleted_at = ? WHERE id = ?", Instant.now(), deleted);
        index.changed(deleted);

        assertThat(Poll.until(() -> committedUpTo().equals(Optional.of(deleted)), WAIT)).isTrue();
        assertThat(committedHits("jasper")).isZero();
    }

    private UUID store(String content) throws SQLException {
        UUID id = ids.next();
        TestDatabase.execute(database, "INSERT INTO message (id, channel_id, sender_id, content, created_at) "
                + "VALUES (?, ?, ?, ?, ?)", id, channel, user, content, Instant.now());
        index.stored(List.of(new IndexedText(id, channel, user, content, null, false)));
        return id;
    }

    private List<UUID> awaitFound(String word) {
        Poll.until(() -> !found(word).isEmpty(), WAIT);
        return found(word);
    }

    private List<UUID> found(String word) {
        return index.search(SearchQuery.parse(word, null, null, null, null, null, null, null), List.of(channel), 10)
                .ids();
    }

    /** The newest message the index's last commit holds every message up to, as a restart would read it. */
    private Optional<UUID> committedUpTo() {
        try (Directory directory = FSDirectory.open(dataDir.resolve(SearchIndex.FOLDER))) {
            String upTo = SegmentInfos.readLatestCommit(directory).getUserData().get("indexed_up_to");
            return Optional.ofNullable(upTo).map(UUID::fromString);
        } catch (IndexNotFoundException none) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** How many messages of the last commit hold the word. */
    private int committedHits(String word) {
        try (Directory directory = FSDirectory.open(dataDir.resolve(SearchIndex.FOLDER));
             DirectoryReader reader = DirectoryReader.open(directory)) {
            return new IndexSearcher(reader).count(new TermQuery(new Term(SearchIndex.Fields.WORD, word)));
        } catch (IndexNotFoundException none) {
            return 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The index's clock. The indexer reads it once per settle (at least every 100 ms); after a move, the third
     * read is from a settle that began after the one which first saw the new time had finished.
     */
    private static final class Ticker implements LongSupplier {
        private final AtomicLong nanos = new AtomicLong();
        private final AtomicLong reads = new AtomicLong();

        @Override
        public long getAsLong() {
            long now = nanos.get();
            reads.incrementAndGet();
            return now;
        }

        void advanceAndAwaitSettle(Duration by) {
            nanos.addAndGet(by.toNanos());
            long seen = reads.get();
            assertThat(Poll.until(() -> reads.get() >= seen + 3, WAIT)).as("the indexer looked at the clock").isTrue();
        }
    }
}
