package org.chatalot.server.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.chatalot.model.admin.BackupInfo;
import org.chatalot.model.auth.AuthTokens;
import org.chatalot.model.channel.Channel;
import org.chatalot.model.message.EditMessageRequest;
import org.chatalot.model.message.Message;
import org.chatalot.server.testing.FileClient;
import org.chatalot.server.testing.Searches;
import org.chatalot.server.testing.TestServer;
import org.chatalot.testing.Poll;

/**
 * Everything the server writes into DATA_DIR while it runs (the database, H2's own files, uploads, backups,
 * keys, tokens, the search index) is readable by its owner only, so a loosened DATA_DIR still exposes nothing.
 */
class DataDirectoryPermissionsIT {
    private static final Set<PosixFilePermission> OTHERS = Set.of(PosixFilePermission.GROUP_READ,
            PosixFilePermission.GROUP_WRITE, PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE);

    @RegisterExtension
    static TestServer server = TestServer.create();

    @Test
    void nothingInTheDataDirectoryIsReadableByOthersAfterADatabaseErrorAnUploadAMessageAndABackup()
            throws Exception {
        String owner = server.users().owner().accessToken();
        new FileClient(server).uploaded(owner, "notes.txt", "minutes".getBytes(StandardCharsets.UTF_8));
        indexedAndCommitted(server.users().owner());
        server.users().expect(201, server.users().post(owner, "/api/admin/backups", "{}"), BackupInfo.class);
        // A statement H2 refuses: H2 writes such failures, with the values involved, to its trace file.
        try (Connection connection = DriverManager.getConnection(server.server().config().storage().databaseUrl())) {
            assertThatThrownBy(() -> connection.createStatement().execute("SELECT * FROM no_such_table"))
                    .isInstanceOf(SQLException.class);
        }

        List<String> exposed;
        try (Stream<Path> files = Files.walk(server.dataDir())) {
            exposed = files.filter(Files::isRegularFile).filter(DataDirectoryPermissionsIT::isExposed)
                    .map(file -> server.dataDir().relativize(file) + " " + permissions(file)).toList();
        }
        assertThat(exposed).isEmpty();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(server.dataDir().resolve("search"))))
                .as("the search index's folder").isEqualTo("rwx------");
        assertThat(server.dataDir().resolve("chatalot.trace.db")).as("H2 traces nothing to a file").doesNotExist();
    }

    /** A message in the search index, committed to disk (an edit is committed at once). */
    private static void indexedAndCommitted(AuthTokens owner) {
        Channel channel = server.chat().publicChannel(owner, "permissions");
        UUID id = server.chat().send(owner, channel.id(), "feldspar").id();
        server.users().expect(200, server.users().send(owner, "PATCH", "/api/messages/" + id,
                new EditMessageRequest("feldspar, edited", null)), Message.class);
        assertThat(Searches.await(server, owner, "q=edited", page -> !page.hits().isEmpty()).hits()).hasSize(1);
        // A search sees the edit as soon as it is indexed; its commit follows on the indexer's thread.
        assertThat(Poll.until(DataDirectoryPermissionsIT::isIndexCommitted, Duration.ofSeconds(60)))
                .as("a committed index").isTrue();
    }

    private static boolean isIndexCommitted() {
        try (Stream<Path> files = Files.list(server.dataDir().resolve("search"))) {
            return files.anyMatch(file -> file.getFileName().toString().startsWith("segments_"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static boolean isExposed(Path file) {
        try {
            return Files.getPosixFilePermissions(file).stream().anyMatch(OTHERS::contains);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String permissions(Path file) {
        try {
            return PosixFilePermissions.toString(Files.getPosixFilePermissions(file));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
