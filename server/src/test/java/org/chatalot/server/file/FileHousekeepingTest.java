package org.chatalot.server.file;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.chatalot.model.file.FileInfo;
import org.chatalot.model.user.Role;
import org.chatalot.server.channel.ChannelAccess;
import org.chatalot.server.channel.ChannelIndex;
import org.chatalot.server.channel.ChannelRepository;
import org.chatalot.server.channel.Memberships;
import org.chatalot.server.common.Principal;
import org.chatalot.server.db.Database;
import org.chatalot.server.db.Ids;
import org.chatalot.server.testing.FileClient;
import org.chatalot.server.testing.MutableClock;
import org.chatalot.server.testing.TestDatabase;
import org.chatalot.server.user.UserRepository;

/**
 * The file sweeps, a day at a time: real H2 and real files on disk, with a clock the test moves (a day
 * cannot pass inside a server test). Files are stored through the real upload pipeline.
 */
class FileHousekeepingTest {
    @TempDir
    Path dataDir;

    private final MutableClock clock = new MutableClock(Instant.now());
    private Database database;
    private FileRepository repository;
    private FileStore store;
    private Uploads uploads;
    private FileSweeper sweeper;
    private Principal alice;

    @BeforeEach
    void start() throws SQLException {
        database = TestDatabase.open(dataDir);
        repository = new FileRepository(database.sql());
        store = new FileStore(dataDir.resolve("files")).prepare();
        var channels = new ChannelRepository(database.sql());
        var access = new ChannelAccess(channels, ChannelIndex.loadFrom(channels), new Memberships(),
                new UserRepository(database.sql()));
        uploads = new Uploads(repository, store, access, new Ids(Clock.systemUTC()), clock,
                FileLimits.fixed(1 << 20, 0), 0);
        sweeper = new FileSweeper(repository, store, clock);
        alice = new Principal(UUID.randomUUID(), "alice", Role.MEMBER, UUID.randomUUID());
        TestDatabase.insertUser(database, alice.userId(), "alice", now());
    }

    @AfterEach
    void stop() {
        database.close();
    }

    @Test
    void uploadsNeverAttachedAreRemovedAfterADayAndTheirQuotaFreed() throws Exception {
        FileInfo abandoned = upload("abandoned.txt", 300);
        FileInfo attached = upload("attached.txt", 200);
        attach(attached, newChannel());

        clock.advance(Duration.ofHours(23));
        long tooEarly = sweeper.removeAbandoned();
        clock.advance(Duration.ofHours(2));
        long removed = sweeper.removeAbandoned();

        assertThat(tooEarly).isZero();
        assertThat(removed).isEqualTo(1);
        assertThat(repository.byId(abandoned.id())).isEmpty();
        assertThat(store.pathOf(abandoned.id())).doesNotExist();
        assertThat(store.pathOf(attached.id())).exists();
        assertThat(repository.usageOf(alice.userId())).isEqualTo(new StorageUsage(200, 1));
    }

    @Test
    void filesOfADeletedChannelAreRemoved() throws Exception {
        UUID channel = newChannel();
        FileInfo file = upload("posted.txt", 100);
        attach(file, channel);

        TestDatabase.execute(database, "UPDATE channel SET deleted_at = ? WHERE id = ?", now(), channel);
        long removed = sweeper.removeAbandoned();

        assertThat(removed).isEqualTo(1);
        assertThat(store.pathOf(file.id())).doesNotExist();
        assertThat(repository.usageOf(alice.userId())).isEqualTo(StorageUsage.NONE);
    }

    @Test
    void uploadsInterruptedByACrashAreRemovedOnceStale() throws IOException {
        Path stale = store.createIncoming(UUID.randomUUID());
        Path fresh = store.createIncoming(UUID.randomUUID());
        Files.setLastModifiedTime(stale, FileTime.from(now().minus(Duration.ofHours(2))));

        sweeper.removeAbandoned();

        assertThat(stale).doesNotExist();
        assertThat(fresh).as("may still be arriving").exists();
    }

    @Test
    void storedFilesWithoutARowAreRemovedButKnownOnesStay() throws Exception {
        FileInfo known = upload("known.txt", 50);
        Path stray = store.pathOf(UUID.randomUUID());
        Files.createDirectories(stray.getParent());
        Files.write(stray, new byte[] {1, 2, 3});

        clock.advance(Duration.ofHours(2));
        long removed = sweeper.removeStrays();

        assertThat(removed).isEqualTo(1);
        assertThat(stray).doesNotExist();
        assertThat(store.pathOf(known.id())).exists();
    }

    private FileInfo upload(String name, int size) throws IOException {
        byte[] form = FileClient.form(name, FileClient.randomBytes(size, name.hashCode()));
        return uploads.receive(alice, form.length, null,
                () -> new MultipartReader(new ByteArrayInputStream(form), FileClient.BOUNDARY));
    }

    private UUID newChannel() throws SQLException {
        UUID channel = UUID.randomUUID();
        TestDatabase.insertChannel(database, channel, "c", alice.userId(), now());
        return channel;
    }

    private void attach(FileInfo file, UUID channel) throws SQLException {
        UUID message = UUID.randomUUID();
        TestDatabase.execute(database, "INSERT INTO message (id, channel_id, sender_id, content, created_at) "
                + "VALUES (?, ?, ?, 'm', ?)", message, channel, alice.userId(), now());
        database.sql().inTransaction(tx -> {
            new FileAttachments(repository, clock).bind(tx, message, channel, List.of(file.id()));
            return null;
        });
    }

    private Instant now() {
        return clock.instant();
    }
}
