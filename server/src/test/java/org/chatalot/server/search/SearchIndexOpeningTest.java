package org.chatalot.server.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.chatalot.server.db.Database;
import org.chatalot.server.db.Ids;
import org.chatalot.server.error.Unavailable;
import org.chatalot.server.message.TextIndex.IndexedText;
import org.chatalot.server.testing.TestDatabase;
import org.chatalot.testing.Poll;

/**
 * The index opens on its own thread after the server listens: what arrives before that (searches, messages
 * stored meanwhile) waits for it, and nothing is indexed twice. Real H2, real Lucene in a temporary folder.
 */
class SearchIndexOpeningTest {
    @TempDir
    Path dataDir;

    private final Ids ids = new Ids(Clock.systemUTC());
    private final UUID user = ids.next();
    private final UUID channel = ids.next();
    private Database database;

    @BeforeEach
    void setUp() throws SQLException {
        database = TestDatabase.open(dataDir);
        TestDatabase.insertUser(database, user, "opener", Instant.now());
        TestDatabase.insertChannel(database, channel, "opening", user, Instant.now());
    }

    @AfterEach
    void tearDown() {
        database.close();
    }

    @Test
    void aSearchThatCannotWaitForTheOpenIsAnsweredUnavailable() {
        SearchIndex index = new SearchIndex(dataDir, database.sql(), Duration.ZERO);
        try {
            assertThatThrownBy(() -> index.search(query("anything"), List.of(channel), 10))
                    .isInstanceOf(Unavailable.class).hasMessageContaining("still opening");
        } finally {
            index.close();
        }
    }

    @Test
    void aMessageStoredBeforeTheOpenIsFoundOnceItIsOpen() throws Exception {
        SearchIndex index = new SearchIndex(dataDir, database.sql());
        try {
            UUID early = insert("stored before the open");
            index.stored(List.of(text(early, "stored before the open")));
            index.open();
            assertThat(awaitFound(index, "open", ids -> ids.contains(early))).containsExactly(early);
            assertThat(index.opened().toCompletableFuture().isDone()).isTrue();
        } finally {
            index.close();
        }
    }

    /**
     * A message committed just before the index read the newest id is both caught up from the database and
     * announced by the writer; whichever comes second must replace the first, or the search shows it twice.
     */
    @Test
    void aMessageCaughtUpAndAnnouncedLateIsIndexedOnce() throws Exception {
        UUID both = insert("twice over");
        SearchIndex index = new SearchIndex(dataDir, database.sql());
        try {
            index.open();
            awaitFound(index, "twice", ids -> ids.contains(both));
            index.stored(List.of(text(both, "twice over")));
            UUID after = insert("twice and later");
            index.stored(List.of(text(after, "twice and later")));

            assertThat(awaitFound(index, "twice", ids -> ids.contains(after))).containsExactly(after, both);
        } finally {
            index.close();
        }
    }

    @Test
    void anIndexThatCannotBeOpenedFailsOpenedAndSearchesSayWhy() throws Exception {
        Files.writeString(dataDir.resolve(SearchIndex.FOLDER), "not a folder");
        SearchIndex index = new SearchIndex(dataDir, database.sql());
        try {
            index.open();
            var opened = index.opened().toCompletableFuture();
            assertThatThrownBy(opened::join).hasMessageContaining("Cannot open the search index in "
                    + dataDir.resolve(SearchIndex.FOLDER));
            assertThatThrownBy(() -> index.search(query("anything"), List.of(channel), 10))
                    .isInstanceOf(Unavailable.class).hasMessageContaining("could not be opened");
        } finally {
            index.close();
        }
    }

    /** What a search for {@code word} finds once {@code done} holds of it, or after a minute whatever it finds. */
    private List<UUID> awaitFound(SearchIndex index, String word, Predicate<List<UUID>> done) {
        Poll.until(() -> done.test(found(index, word)), Duration.ofSeconds(60));
        return found(index, word);
    }

    private List<UUID> found(SearchIndex index, String word) {
        return index.search(query(word), List.of(channel), 10).ids();
    }

    private UUID insert(String content) throws SQLException {
        UUID id = ids.next();
        TestDatabase.execute(database, "INSERT INTO message (id, channel_id, sender_id, content, created_at) "
                + "VALUES (?, ?, ?, ?, ?)", id, channel, user, content, Instant.now());
        return id;
    }

    private IndexedText text(UUID id, String content) {
        return new IndexedText(id, channel, user, content, null, false);
    }

    private static SearchQuery query(String words) {
        return SearchQuery.parse(words, null, null, null, null, null, null, null);
    }
}
