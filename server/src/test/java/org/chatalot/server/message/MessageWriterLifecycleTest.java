package org.chatalot.server.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.chatalot.server.channel.ChannelRepository;
import org.chatalot.server.db.Database;
import org.chatalot.server.db.Ids;
import org.chatalot.server.error.Unavailable;
import org.chatalot.server.testing.TestDatabase;

/**
 * The writer's life, on real H2: building it starts no thread (the server's wiring starts it once the whole
 * graph is built) and a writer not started says so to readiness; a message queued before the start is stored
 * once it starts, and closing ends both threads, or returns at once for a writer never started.
 */
class MessageWriterLifecycleTest {
    private static final Set<String> THREAD_NAMES = Set.of("message-writer", "message-announcer");

    @TempDir
    Path dataDir;

    private Database database;
    private MessageRepository messages;
    private UUID userId;
    private UUID channelId;
    private Set<Thread> threadsBefore;
    private MessageWriter writer;

    @BeforeEach
    void build() throws SQLException {
        database = TestDatabase.open(dataDir);
        messages = new MessageRepository(database.sql());
        userId = UUID.randomUUID();
        channelId = UUID.randomUUID();
        TestDatabase.insertUser(database, userId, "writer", Instant.now());
        TestDatabase.insertChannel(database, channelId, "lifecycle", userId, Instant.now());
        threadsBefore = writerThreads();
        writer = new MessageWriter(database.sql(), messages, new ChannelRepository(database.sql()),
                Attachments.NONE, new MessageRate(new SimpleMeterRegistry(), () -> 0), new Ids(Clock.systemUTC()),
                Clock.systemUTC(), TextIndex.NONE);
    }

    @AfterEach
    void close() {
        writer.close();
        database.close();
    }

    @Test
    void aBuiltWriterRunsNoThreadAndStoresWhatWasQueuedOnceStarted() throws Exception {
        CompletableFuture<NewMessage> committed = new CompletableFuture<>();
        writer.write(draft("queued before the start"), committed);

        assertThat(startedSinceBuild()).as("threads after building and queueing").isEmpty();
        assertThat(committed).as("nothing runs to store it yet").isNotDone();
        assertThat(writer.trouble()).as("what readiness shows meanwhile").hasValueSatisfying(
                trouble -> assertThat(trouble).startsWith("not started"));

        writer.start();

        NewMessage stored = committed.get(10, TimeUnit.SECONDS);
        assertThat(messages.byId(stored.id())).map(StoredMessage::content).contains("queued before the start");
        assertThat(startedSinceBuild()).extracting(Thread::getName)
                .containsExactlyInAnyOrderElementsOf(THREAD_NAMES);
        assertThat(writer.trouble()).isEmpty();
    }

    @Test
    void closeEndsBothThreadsAfterTheirWork() throws Exception {
        writer.start();
        Set<Thread> started = startedSinceBuild();
        CompletableFuture<NewMessage> committed = new CompletableFuture<>();
        writer.write(draft("written before close"), committed);

        writer.close();

        assertThat(committed).isCompleted();
        assertThat(started).hasSize(2).noneMatch(Thread::isAlive);
    }

    @Test
    void aWriterNeverStartedClosesAtOnceAndRefusesMessagesAfter() {
        writer.close();

        assertThatThrownBy(() -> writer.write(draft("too late"), new CompletableFuture<>()))
                .isInstanceOf(Unavailable.class);
        assertThat(startedSinceBuild()).isEmpty();
    }

    private MessageDraft draft(String content) {
        return new MessageDraft(channelId, userId, content, null, null, List.of(), null, Mentions.Mentioned.NONE);
    }

    private Set<Thread> startedSinceBuild() {
        Set<Thread> now = writerThreads();
        now.removeAll(threadsBefore);
        return now;
    }

    /** Alive writer threads of any writer in this JVM; the test compares them with those before it built its own. */
    private static Set<Thread> writerThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> THREAD_NAMES.contains(t.getName()))
                .filter(Thread::isAlive).collect(Collectors.toSet());
    }
}
